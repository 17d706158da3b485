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

mod compare;
mod error;
mod feeds;
mod fixed;
mod guide;
mod history;
mod lists;
mod minify;
pub mod output;
pub mod pages;
mod proposal;
mod render;
pub mod settings;
mod static_files;
mod timer;

use std::path::{Path, PathBuf};

use methodewijzer::{Catalogue, Diagnostics, LoadOptions, SearchIndex, export};

pub use error::BuildError;
use output::Files;
use pages::MethodView;
use render::{Globals, Renderer, environment, parallel, v};
use timer::Timer;

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

/// Renders the site into `sink`, step by step.
fn render_to(options: &BuildOptions, sink: Sink<'_>) -> Result<Written, BuildError> {
    let timer = Timer::new();
    let catalogue = load_catalogue(options)?;
    timer.lap("load and validate");
    let (settings, strings) = load_settings(options)?;
    let mut env = environment(&options.site)?;
    let static_files::Assets { files, names } = static_files::read_assets(&options.site)?;
    add_asset_function(&mut env, names);
    timer.lap("scripts (minified) and styles");
    let (index, data) = index_and_open_data(&catalogue)?;
    timer.lap("search index, data");
    let (search, mut views) = browser_index_and_views(&catalogue, &index, &settings, &strings)?;
    timer.lap("views, browser index");
    add_history(
        &mut views,
        &history::read(&options.catalogue, &strings),
        &settings,
    );
    timer.lap("history");

    let globals = Globals::new(&settings, &strings, catalogue.today());
    let mut site = Renderer {
        env,
        settings,
        strings,
        globals,
        catalogue: &catalogue,
        sink,
        paths: Vec::new(),
        search_manifest: format!("search/{}", search.manifest),
        static_files: files,
        inject: options.inject.clone().unwrap_or_default(),
        timer,
    };
    for file in search.files {
        site.add(PathBuf::from("search").join(file.name), file.bytes)?;
    }
    for (path, text) in data {
        site.add(path.into(), text.into_bytes())?;
    }
    site.render_all(&options.site, &options.catalogue, &views)?;
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

/// `asset("search.js")` in a template: the file's name in the site (with its content hash);
/// a name that is not in `site/static/` fails the build rather than linking nothing.
fn add_asset_function(
    env: &mut minijinja::Environment<'static>,
    names: std::collections::BTreeMap<String, String>,
) {
    env.add_function("asset", move |name: &str| {
        names.get(name).cloned().ok_or_else(|| {
            minijinja::Error::new(
                minijinja::ErrorKind::InvalidOperation,
                format!("asset(\"{name}\"): no such script or style in site/static/"),
            )
        })
    });
}

/// Each method's changes from git, newest first: the first few, and how many more.
fn add_history(
    views: &mut [MethodView],
    history: &history::History,
    settings: &settings::Settings,
) {
    for view in views {
        let file = format!("{}.toml", view.slug);
        let Some(changes) = history.get(&file) else {
            continue;
        };
        view.history = changes.iter().take(history::SHOWN).cloned().collect();
        view.history_more = changes.len().saturating_sub(history::SHOWN);
        view.history_url = format!(
            "{}/commits/{}/interventions/{file}",
            settings.repository_url.trim_end_matches('/'),
            settings.branch
        );
    }
}

/// The catalogue, judged on the build date.
fn load_catalogue(options: &BuildOptions) -> Result<Catalogue, BuildError> {
    let today = build_date();
    Catalogue::load_with(&options.catalogue, LoadOptions { today }).map_err(BuildError::Catalogue)
}

/// The site settings and UI strings, with the address from the command line if given.
fn load_settings(
    options: &BuildOptions,
) -> Result<(settings::Settings, settings::Strings), BuildError> {
    let (mut settings, strings) = settings::load(&options.site)?;
    if let Some(base) = &options.base_url {
        settings.base_url = base.clone();
    }
    settings::check_base_url(&settings.base_url)?;
    if !settings.base_url.ends_with('/') {
        settings.base_url.push('/');
    }
    Ok((settings, strings))
}

/// The open data files: path in the site, contents.
type OpenData = [(&'static str, String); 2];

/// The search index, and beside it (on another core) the open data files.
fn index_and_open_data(catalogue: &Catalogue) -> Result<(SearchIndex, OpenData), BuildError> {
    let (index, data) = std::thread::scope(|s| {
        let data = s.spawn(|| {
            [
                ("data/methods.json", export::methods_json(catalogue)),
                ("data/methods.csv", export::methods_csv(catalogue)),
            ]
        });
        (SearchIndex::build(catalogue), data.join())
    });
    let data = data.map_err(|_| BuildError::Step("making the open data"))?;
    Ok((index, data))
}

/// The browser's search index, and beside it the method views (on all cores).
fn browser_index_and_views(
    catalogue: &Catalogue,
    index: &SearchIndex,
    settings: &settings::Settings,
    strings: &settings::Strings,
) -> Result<(methodewijzer::search::BrowserIndex, Vec<MethodView>), BuildError> {
    let (search, views) = std::thread::scope(|s| {
        let search = s.spawn(|| index.browser_export());
        let views = parallel(catalogue.methods(), |m| {
            Ok(pages::method_view(catalogue, index, m, settings, strings))
        });
        (search.join(), views)
    });
    let search = search.map_err(|_| BuildError::Step("exporting the search index"))?;
    Ok((search, views?))
}

impl Renderer<'_> {
    /// Renders every page from the method `views` (in catalogue order), step by step.
    fn render_all(
        &mut self,
        site_dir: &Path,
        catalogue_dir: &Path,
        views: &[MethodView],
    ) -> Result<(), BuildError> {
        // What lists, comparisons and the keuzehulp show of each method, converted for the
        // templates once: a method is in many lists, and a list at 10,000 methods has
        // thousands of them.
        let summaries = parallel(views, |view| Ok(v(&view.summary_view())))?;
        self.render_lists_and_methods(views, &summaries)?;
        self.timer.lap("method and list pages");
        self.render_comparisons(views, &summaries)?;
        self.timer.lap("comparisons");
        self.render_guide(views, &summaries)?;
        self.timer.lap("keuzehulp");
        self.render_home(views)?;
        self.render_fixed_pages(site_dir, views.len())?;
        self.render_proposal(catalogue_dir)?;
        self.render_data_and_feeds(views)?;
        self.timer.lap("home, pages, data");
        self.copy_static_files()?;
        self.timer.lap("static files");
        Ok(())
    }
}
