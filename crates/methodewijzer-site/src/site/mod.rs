//! The static-site generator: load → validate → render → write.
//!
//! Like mdBook and Zola, the pipeline is one-way and the look lives outside the code: pages
//! are minijinja templates in `site/templates/`, the UI strings in `site/strings/`, static
//! files in `site/static/`, and longer fixed texts in `site/pages/`. Rendering happens in
//! memory for `serve`; `build` writes pages as they are rendered into a fresh folder that
//! replaces the previous site only when complete ([`output::Staging`]).
//!
//! Links inside pages are relative (`../../thema/eenzaamheid/`), so the same output works at
//! a domain root, under a sub-path of a static host, and from disk. Only the sitemap, the feed,
//! canonical links and the 404 page, which need absolute addresses, use `base_url`.

pub mod output;
pub mod pages;
pub mod settings;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use minijinja::{Environment, context};
use serde::Serialize;

use methodewijzer::{Catalogue, Diagnostics, Kind, LoadOptions, SearchIndex, export};

use output::Files;
use pages::{DIMENSIONS, MethodSummary, MethodView, TermView, string};
use settings::{Settings, Strings};

/// How many methods the Atom feed lists, most recently reviewed first.
const FEED_ENTRIES: usize = 50;

/// Where to read from and write to.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The catalogue folder (`interventions/`).
    pub catalogue: PathBuf,
    /// The site folder (`site/`): templates, strings, static files, pages.
    pub site: PathBuf,
    /// Overrides `base_url` from `site/site.toml`.
    pub base_url: Option<String>,
    /// Extra HTML appended to every page before `</body>` (the live-reload script of `serve`).
    pub inject: Option<String>,
}

/// Why a build failed.
#[derive(Debug)]
pub enum BuildError {
    /// The catalogue has errors.
    Catalogue(Diagnostics),
    /// Anything else: a template, a setting, a file.
    Other(String),
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            // Capped per file, as `check` prints them: one file's thousands of repeats
            // must not bury the others or flood a CI log.
            BuildError::Catalogue(d) => {
                d.write_capped(f, crate::DIAGNOSTICS_PER_FILE)?;
                write!(f, "the catalogue has errors: {}", d.summary())
            }
            BuildError::Other(e) => write!(f, "{e}"),
        }
    }
}

impl From<String> for BuildError {
    fn from(e: String) -> Self {
        BuildError::Other(e)
    }
}

impl From<minijinja::Error> for BuildError {
    fn from(e: minijinja::Error) -> Self {
        BuildError::Other(format!("template error: {e:#}"))
    }
}

/// What a build produced.
#[derive(Debug)]
pub struct Built {
    /// The files, by path.
    pub files: Files,
    /// Catalogue warnings.
    pub warnings: Diagnostics,
    /// Number of methods.
    pub methods: usize,
}

/// The date pages are judged against: `SOURCE_DATE_EPOCH` when set (reproducible builds),
/// else today. It only decides whether a recognition shows as expired.
pub fn build_date() -> methodewijzer::Date {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .and_then(|secs| time::OffsetDateTime::from_unix_timestamp(secs).ok())
        .map(|t| methodewijzer::Date(t.date()))
        .unwrap_or_else(methodewijzer::Date::today)
}

/// What [`build`] wrote.
#[derive(Debug)]
pub struct Written {
    /// Number of files.
    pub files: usize,
    /// Catalogue warnings.
    pub warnings: Diagnostics,
    /// Number of methods.
    pub methods: usize,
}

/// Loads the catalogue and renders the whole site in memory.
pub fn render(options: &BuildOptions) -> Result<Built, BuildError> {
    let mut files = Files::new();
    let written = render_to(options, Sink::Memory(&mut files))?;
    Ok(Built {
        files,
        warnings: written.warnings,
        methods: written.methods,
    })
}

/// Renders the site and writes it to `out`, page by page as they are made (a large site is
/// never held in memory whole), into a folder that replaces `out` only when complete.
pub fn build(options: &BuildOptions, out: &Path) -> Result<Written, BuildError> {
    let staging = output::Staging::new(out, &[&options.catalogue, &options.site])?;
    let written = render_to(options, Sink::Staging(&staging))?;
    let timer = Timer::new();
    staging.commit()?;
    timer.lap("swap");
    Ok(written)
}

/// Where rendered files go.
enum Sink<'a> {
    /// Kept in memory (`serve`).
    Memory(&'a mut Files),
    /// Written as they come (`build`).
    Staging(&'a output::Staging),
}

/// Renders the site into `sink`.
fn render_to(options: &BuildOptions, sink: Sink<'_>) -> Result<Written, BuildError> {
    let timer = Timer::new();
    let catalogue = Catalogue::load_with(
        &options.catalogue,
        LoadOptions {
            today: build_date(),
        },
    )
    .map_err(BuildError::Catalogue)?;
    timer.lap("load and validate");
    let (mut settings, strings) = settings::load(&options.site)?;
    if let Some(base) = &options.base_url {
        settings.base_url = base.clone();
    }
    settings::check_base_url(&settings.base_url)?;
    if !settings.base_url.ends_with('/') {
        settings.base_url.push('/');
    }
    let env = environment(&options.site)?;

    // Independent steps run side by side where one of them leaves a core idle: the open
    // data is printed while the search index is built, and the browser's index exported
    // while the method views are made. Either pair needs the index, so it comes first.
    let (index, data) = std::thread::scope(|s| {
        let data = s.spawn(|| {
            [
                ("data/methods.json", export::methods_json(&catalogue)),
                ("data/methods.csv", export::methods_csv(&catalogue)),
            ]
        });
        (SearchIndex::build(&catalogue), data.join())
    });
    let data = data.map_err(|_| "making the open data failed".to_string())?;
    timer.lap("search index, data");
    let (search, views) = std::thread::scope(|s| {
        let search = s.spawn(|| index.browser_export());
        let views = parallel(catalogue.methods(), |m| {
            Ok(pages::method_view(
                &catalogue, &index, m, &settings, &strings,
            ))
        });
        (search.join(), views)
    });
    let search = search.map_err(|_| "exporting the search index failed".to_string())?;
    let views = views?;
    timer.lap("views, browser index");

    let globals = Globals {
        site: v(&settings),
        t: v(&strings),
        nav: v(&nav(&strings)),
        built: v(&pages::date_text(&strings, catalogue.today())),
    };
    let mut site = Renderer {
        env,
        settings,
        strings,
        globals,
        catalogue: &catalogue,
        sink,
        paths: Vec::new(),
        search_manifest: format!("search/{}", search.manifest),
        inject: options.inject.clone().unwrap_or_default(),
        timer,
    };
    for file in search.files {
        site.add(PathBuf::from("search").join(file.name), file.bytes)?;
    }
    for (path, text) in data {
        site.add(path.into(), text.into_bytes())?;
    }
    site.render_all(&options.site, &views)?;
    let written = Written {
        files: site.paths.len(),
        warnings: catalogue.warnings().clone(),
        methods: catalogue.len(),
    };
    drop(site);
    // Freeing a large catalogue and its pages' views takes a good part of a second on one
    // core; a thread of its own does it, beside the swap into place.
    std::thread::spawn(move || drop((views, catalogue)));
    Ok(written)
}

fn environment(site: &Path) -> Result<Environment<'static>, BuildError> {
    let mut env = Environment::new();
    let dir = site.join("templates");
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_file() {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let source = settings::read_text(site, &path)?;
            env.add_template_owned(name, source)?;
        }
    }
    env.set_undefined_behavior(minijinja::UndefinedBehavior::SemiStrict);
    // minijinja's HTML escaping also escapes `/`, which makes every URL unreadable in the
    // source; escaping `& < > " '` is what HTML needs.
    env.set_formatter(|out, state, value| {
        if matches!(state.auto_escape(), minijinja::AutoEscape::Html)
            && !value.is_safe()
            && let Some(text) = value.as_str()
        {
            return methodewijzer::markdown::write_escaped_html(out, text)
                .map_err(minijinja::Error::from);
        }
        minijinja::escape_formatter(out, state, value)
    });
    env.add_filter("markdown", |text: String| {
        minijinja::Value::from_safe_string(methodewijzer::markdown::to_html(&text))
    });
    Ok(env)
}

struct Renderer<'a> {
    env: Environment<'static>,
    settings: Settings,
    strings: Strings,
    globals: Globals,
    catalogue: &'a Catalogue,
    sink: Sink<'a>,
    /// Every file made so far (for the sitemap).
    paths: Vec<PathBuf>,
    /// Path of the browser search index's manifest, for the search form.
    search_manifest: String,
    inject: String,
    timer: Timer,
}

/// Phase timings on stderr when `METHODEWIJZER_TIMINGS` is set, for finding slow steps: wall
/// time, and the processor time of all threads where the system tells it (Linux), which
/// shows how well a phase uses the cores.
struct Timer(Option<std::sync::Mutex<(std::time::Instant, Option<u64>)>>);

impl Timer {
    fn new() -> Timer {
        Timer(
            std::env::var_os("METHODEWIJZER_TIMINGS")
                .map(|_| std::sync::Mutex::new((std::time::Instant::now(), cpu_ms()))),
        )
    }

    fn lap(&self, what: &str) {
        if let Some(Ok(mut start)) = self.0.as_ref().map(|s| s.lock()) {
            let cpu = cpu_ms();
            let used = match (start.1, cpu) {
                (Some(before), Some(now)) => format!(" (cpu {:>6} ms)", now - before),
                _ => String::new(),
            };
            eprintln!("{what:>20}: {:>6} ms{used}", start.0.elapsed().as_millis());
            *start = (std::time::Instant::now(), cpu);
        }
    }
}

/// Processor time used so far by this process, all threads, from `/proc/self/stat` (user
/// and system time, fields 14 and 15, in ticks of normally 10 ms).
fn cpu_ms() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name may hold spaces; the fields after it do not.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks * 10)
}

/// What every page gets, converted for the templates once per build rather than per page.
struct Globals {
    site: minijinja::Value,
    t: minijinja::Value,
    nav: minijinja::Value,
    /// The date the site was built, as text (the printout says which version it is).
    built: minijinja::Value,
}

/// A serializable value for a template.
fn v<T: Serialize + ?Sized>(value: &T) -> minijinja::Value {
    minijinja::Value::from(minijinja::value::Serde(value))
}

/// A link in the breadcrumb trail.
#[derive(Serialize)]
struct Crumb {
    label: String,
    url: String,
}

/// The main menu.
fn nav(strings: &Strings) -> Vec<Crumb> {
    let mut nav = vec![Crumb {
        label: string(strings, "nav_methods"),
        url: "methoden/".into(),
    }];
    for d in DIMENSIONS {
        nav.push(Crumb {
            label: string(strings, &format!("dimension_{}", d.kind.key())),
            url: format!("{}/", d.segment),
        });
    }
    nav.push(Crumb {
        label: string(strings, "nav_about"),
        url: "over/".into(),
    });
    nav
}

impl Renderer<'_> {
    fn t(&self, key: &str) -> String {
        string(&self.strings, key)
    }

    /// Renders `template` for `path` (a folder gets `index.html`), returning the file.
    fn render_page(
        &self,
        path: &str,
        template: &str,
        ctx: minijinja::Value,
    ) -> Result<(PathBuf, Vec<u8>), BuildError> {
        let file = if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.to_string()
        };
        let depth = file.matches('/').count();
        let root = "../".repeat(depth);
        let base_path = base_path(&self.settings.base_url);
        let ctx = context! {
            root => if file == "404.html" { base_path } else { root },
            path => path,
            canonical => format!("{}{}", self.settings.base_url, path),
            site => &self.globals.site,
            t => &self.globals.t,
            nav => &self.globals.nav,
            built => &self.globals.built,
            search_index => &self.search_manifest,
            ..ctx
        };
        let mut html = self.env.get_template(template)?.render(ctx)?;
        if !self.inject.is_empty() {
            html = html.replacen("</body>", &format!("{}</body>", self.inject), 1);
        }
        Ok((PathBuf::from(file), html.into_bytes()))
    }

    /// Renders a page and adds it to the site.
    fn page(
        &mut self,
        path: &str,
        template: &str,
        ctx: minijinja::Value,
    ) -> Result<(), BuildError> {
        let (file, bytes) = self.render_page(path, template, ctx)?;
        self.add(file, bytes)
    }

    /// Adds a file to the site.
    fn add(&mut self, path: PathBuf, bytes: Vec<u8>) -> Result<(), BuildError> {
        match &mut self.sink {
            Sink::Memory(files) => {
                files.insert(path.clone(), bytes);
            }
            Sink::Staging(staging) => staging.write(&path, &bytes)?,
        }
        self.paths.push(path);
        Ok(())
    }

    /// Renders a page per item on all cores and adds them to the site. `build` writes each
    /// page on a thread of its own as soon as it is made, so that writing one page overlaps
    /// rendering the next and no more than a few pages are in memory at once.
    fn render_pages<T: Sync>(
        &mut self,
        items: &[T],
        render: impl Fn(&Self, &T) -> Result<(PathBuf, Vec<u8>), BuildError> + Sync,
    ) -> Result<(), BuildError> {
        use rayon::prelude::*;
        let Sink::Staging(staging) = self.sink else {
            let this = &*self;
            let rendered = parallel(items, |item| render(this, item))?;
            return self.add_all(rendered);
        };
        let this = &*self;
        let (written, rendered) = std::thread::scope(|s| {
            let (pages, received) = std::sync::mpsc::sync_channel::<(PathBuf, Vec<u8>)>(64);
            let writer = s.spawn(move || -> Result<Vec<PathBuf>, BuildError> {
                let mut written = Vec::new();
                for (path, bytes) in received {
                    staging.write(&path, &bytes)?;
                    written.push(path);
                }
                Ok(written)
            });
            let rendered = items.par_iter().try_for_each_with(pages, |pages, item| {
                // A send fails only when the writer stopped, whose error is reported.
                pages
                    .send(render(this, item)?)
                    .map_err(|_| BuildError::Other(String::new()))
            });
            (writer.join(), rendered)
        });
        // The writer's error first: it is the cause when both failed.
        let written = written.map_err(|_| "writing pages failed".to_string())??;
        rendered?;
        self.paths.extend(written);
        Ok(())
    }

    fn add_all(&mut self, files: Vec<(PathBuf, Vec<u8>)>) -> Result<(), BuildError> {
        files
            .into_iter()
            .try_for_each(|(path, bytes)| self.add(path, bytes))
    }

    /// Renders every page from the method `views` (in catalogue order).
    fn render_all(&mut self, site_dir: &Path, views: &[MethodView]) -> Result<(), BuildError> {
        let catalogue = self.catalogue;

        // What lists show of each method, converted for the templates once: a method is in
        // several lists, and a list at 10,000 methods has thousands of them. Lists are in
        // name order.
        let summaries: Vec<minijinja::Value> = parallel(views, |view| Ok(v(&view.summary_view())))?;
        let mut by_name: Vec<usize> = (0..views.len()).collect();
        by_name.sort_by_cached_key(|&i| methodewijzer::slugify(&views[i].name));
        let mut name_rank = vec![0; views.len()];
        for (rank, &i) in by_name.iter().enumerate() {
            name_rank[i] = rank;
        }
        let list = |members: &mut dyn Iterator<Item = usize>| -> minijinja::Value {
            let mut members: Vec<usize> = members.collect();
            members.sort_unstable_by_key(|&i| name_rank[i]);
            minijinja::Value::from(
                members
                    .into_iter()
                    .map(|i| summaries[i].clone())
                    .collect::<Vec<_>>(),
            )
        };
        let position: HashMap<&str, usize> = catalogue
            .iter()
            .enumerate()
            .map(|(i, m)| (m.slug.as_str(), i))
            .collect();

        // The list pages: all methods, and per dimension an overview and a page per value.
        // A list holds shared summaries, so holding them all at once costs little.
        let mut lists: Vec<ListPage> = vec![ListPage {
            path: "methoden/".into(),
            template: "methods.html",
            ctx: context! { methods => list(&mut (0..views.len())), title => self.t("all_methods") },
            size: views.len(),
        }];
        for dimension in DIMENSIONS {
            let members = pages::members(catalogue, dimension.kind);
            let terms: Vec<TermView> = pages::dimension_terms(catalogue, dimension, &members);
            let title = self.t(&format!("dimension_{}", dimension.kind.key()));
            let intro = self.t(&format!("dimension_{}_intro", dimension.kind.key()));
            lists.push(ListPage {
                path: format!("{}/", dimension.segment),
                template: "dimension.html",
                ctx: context! { title => &title, intro => intro, terms => v(&terms) },
                size: terms.len(),
            });
            for term in &terms {
                let empty = Vec::new();
                let slugs = members.get(term.id.as_str()).unwrap_or(&empty);
                let methods = list(&mut slugs.iter().map(|s| position[s]));
                lists.push(ListPage {
                    path: term.url.clone(),
                    template: "term.html",
                    ctx: context! {
                        title => &term.label,
                        term => v(term),
                        dimension_title => &title,
                        dimension_url => format!("{}/", dimension.segment),
                        methods => methods,
                    },
                    size: slugs.len(),
                });
            }
        }

        // Every page on all cores, in one go: the long lists first, so that while one core
        // renders a list of thousands the other renders method pages, and neither waits at
        // the end for the other's last long list.
        lists.sort_by_key(|page| std::cmp::Reverse(page.size));
        let pages: Vec<Page> = lists
            .iter()
            .map(Page::List)
            .chain(views.iter().map(Page::Method))
            .collect();
        self.render_pages(&pages, |this, page| match page {
            Page::List(list) => this.render_page(&list.path, list.template, list.ctx.clone()),
            Page::Method(view) => this.render_page(
                &view.url,
                "method.html",
                context! { method => v(*view), title => &view.name },
            ),
        })?;
        self.timer.lap("method and list pages");
        // Home.
        let themes = pages::dimension_terms(
            catalogue,
            DIMENSIONS[0],
            &pages::members(catalogue, DIMENSIONS[0].kind),
        );
        let recent = most_recent(views, 6);
        self.page(
            "",
            "home.html",
            context! { title => &self.settings.title, themes => v(&themes), recent => v(&recent), count => views.len() },
        )?;

        // Fixed pages: Markdown in site/pages/, the recognition levels with the vocabulary.
        let level_terms = pages::dimension_terms(
            catalogue,
            DIMENSIONS[3],
            &pages::members(catalogue, Kind::RecognitionLevel),
        );
        // How much of the catalogue a committee has judged, said plainly on the fixed pages.
        let recognised: usize = level_terms
            .iter()
            .filter(|t| methodewijzer::recognition_rank(&t.id) > 0)
            .map(|t| t.count)
            .sum();
        let judged: usize = level_terms
            .iter()
            .filter(|t| t.id != methodewijzer::NOT_ASSESSED)
            .map(|t| t.count)
            .sum();
        let levels = v(&level_terms);
        for (slug, template) in [
            ("toegankelijkheid", "page.html"),
            ("over", "page.html"),
            ("erkenningsniveaus", "levels.html"),
        ] {
            let path = site_dir.join("pages").join(format!("{slug}.md"));
            let text = settings::read_text(site_dir, &path)?;
            let (title, body) = split_title(&text);
            self.page(
                &format!("{slug}/"),
                template,
                context! {
                    title => title,
                    body => methodewijzer::markdown::to_html_shifted(body, 0),
                    levels => &levels,
                    show_share => slug != "toegankelijkheid",
                    recognised => recognised,
                    judged => judged,
                    total => views.len(),
                },
            )?;
        }
        self.page(
            "404.html",
            "404.html",
            context! { title => self.t("not_found_title") },
        )?;

        // The open data's schema, feed, sitemap.
        self.add(
            "data/method.schema.json".into(),
            (methodewijzer::method_schema_json() + "\n").into_bytes(),
        )?;
        let updated = recent
            .first()
            .map_or("2000-01-01", |v| v.last_reviewed)
            .to_string();
        let feed = self.env.get_template("feed.xml")?.render(context! {
            site => &self.globals.site, t => &self.globals.t, methods => v(&most_recent(views, FEED_ENTRIES)), updated => updated,
        })?;
        self.add("feed.xml".into(), feed.into_bytes())?;
        let mut urls: Vec<String> = self
            .paths
            .iter()
            .filter_map(|p| p.to_str())
            .filter(|p| p.ends_with("index.html"))
            .map(|p| p.trim_end_matches("index.html").to_string())
            .collect();
        urls.sort();
        urls.dedup();
        let sitemap = self
            .env
            .get_template("sitemap.xml")?
            .render(context! { site => &self.globals.site, urls => urls })?;
        self.add("sitemap.xml".into(), sitemap.into_bytes())?;
        let robots = format!(
            "User-agent: *\nAllow: /\nSitemap: {}sitemap.xml\n",
            self.settings.base_url
        );
        self.add("robots.txt".into(), robots.into_bytes())?;

        self.timer.lap("home, pages, data");
        // Static files, as they are.
        let static_dir = site_dir.join("static");
        let mut files = Files::new();
        copy_tree(&static_dir, &static_dir, &mut files)?;
        self.add_all(files.into_iter().collect())?;
        self.timer.lap("static files");
        Ok(())
    }
}

/// A page that lists methods, ready to render.
struct ListPage {
    path: String,
    template: &'static str,
    ctx: minijinja::Value,
    /// How many entries it lists (long lists are rendered first).
    size: usize,
}

/// A page to render.
enum Page<'a> {
    List(&'a ListPage),
    Method(&'a MethodView),
}

/// Maps `items` through `f` on all cores, keeping their order.
fn parallel<T: Sync, R: Send>(
    items: &[T],
    f: impl Fn(&T) -> Result<R, BuildError> + Sync + Send,
) -> Result<Vec<R>, BuildError> {
    use rayon::prelude::*;
    items.par_iter().map(f).collect()
}

/// The most recently reviewed methods, newest first (for the home page and the feed).
fn most_recent(views: &[MethodView], n: usize) -> Vec<MethodSummary<'_>> {
    let mut all: Vec<MethodSummary> = views.iter().map(MethodView::summary_view).collect();
    all.sort_by(|a, b| {
        b.last_reviewed
            .cmp(a.last_reviewed)
            .then(a.name.cmp(b.name))
    });
    all.truncate(n);
    all
}

/// The path part of `base_url` (`/` or `/methodewijzer/`), for pages served at any depth.
fn base_path(base_url: &str) -> String {
    let rest = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    let path = rest.find('/').map_or("/", |i| &rest[i..]);
    if path.ends_with('/') {
        path.to_string()
    } else {
        format!("{path}/")
    }
}

/// A page's title is its first `# ` line.
fn split_title(text: &str) -> (String, &str) {
    let text = text.trim_start();
    match text.strip_prefix("# ") {
        Some(rest) => {
            let (title, body) = rest.split_once('\n').unwrap_or((rest, ""));
            (title.trim().to_string(), body)
        }
        None => (String::new(), text),
    }
}

/// Copies `site/static/` into the site. Symbolic links are followed only to files inside that
/// folder; a linked folder is refused (it could lead out, or in a circle).
fn copy_tree(root: &Path, dir: &Path, files: &mut Files) -> Result<(), BuildError> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut entries: Vec<std::fs::DirEntry> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        let kind = entry
            .file_type()
            .map_err(|e| format!("{}: {e}", path.display()))?;
        if kind.is_dir() {
            copy_tree(root, &path, files)?;
        } else if kind.is_symlink() && path.is_dir() {
            return Err(BuildError::Other(format!(
                "{}: a symbolic link to a folder; static files are copied only from real folders: replace the link by the folder itself",
                path.display()
            )));
        } else {
            let bytes = methodewijzer::input::read_file(
                root,
                &path,
                methodewijzer::input::MAX_STATIC_BYTES,
            )
            .map_err(|e| format!("{}: {e}", path.display()))?;
            let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            files.insert(relative, bytes);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths() {
        assert_eq!(base_path("https://example.org/"), "/");
        assert_eq!(base_path("https://example.org"), "/");
        assert_eq!(
            base_path("https://example.github.io/methodewijzer/"),
            "/methodewijzer/"
        );
        assert_eq!(
            base_path("https://example.github.io/methodewijzer"),
            "/methodewijzer/"
        );
    }
}
