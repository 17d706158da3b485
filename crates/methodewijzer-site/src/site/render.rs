//! Rendering pages: the template environment, and the [`Renderer`] that renders a page with
//! what every page gets (site settings, strings, menu, search index address) and adds it to
//! the site — in memory for `serve`, or written as it comes for `build`.

use std::path::{Path, PathBuf};

use methodewijzer::Catalogue;
use minijinja::{Environment, context};
use serde::Serialize;

use super::pages::{DIMENSIONS, string};
use super::settings::{self, Settings, Strings};
use super::timer::Timer;
use super::{BuildError, Sink};

/// The templates of `site/templates/`, with HTML escaping as pages need it and the
/// `markdown` filter.
pub(super) fn environment(site: &Path) -> Result<Environment<'static>, BuildError> {
    let mut env = Environment::new();
    let dir = site.join("templates");
    let entries = std::fs::read_dir(&dir).map_err(BuildError::io(&dir))?;
    for entry in entries {
        let path = entry.map_err(BuildError::io(&dir))?.path();
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

/// Renders pages and adds them to the site.
pub(super) struct Renderer<'a> {
    pub(super) env: Environment<'static>,
    pub(super) settings: Settings,
    pub(super) strings: Strings,
    pub(super) globals: Globals,
    pub(super) catalogue: &'a Catalogue,
    pub(super) sink: Sink<'a>,
    /// Every file made so far (for the sitemap).
    pub(super) paths: Vec<PathBuf>,
    /// Path of the browser search index's manifest, for the search form.
    pub(super) search_manifest: String,
    /// The static files, scripts and styles under their hashed names.
    pub(super) static_files: super::output::Files,
    pub(super) inject: String,
    pub(super) timer: Timer,
}

/// What every page gets, converted for the templates once per build rather than per page.
pub(super) struct Globals {
    pub(super) site: minijinja::Value,
    pub(super) t: minijinja::Value,
    pub(super) nav: minijinja::Value,
    /// Facet key → its name in addresses, as JSON for the search script (`data-params`).
    pub(super) params: String,
    /// The orders a result list offers, `[[key, label], …]`, as JSON (`data-sorts`).
    pub(super) sorts: String,
    /// The date the site was built, as text (the printout says which version it is).
    pub(super) built: minijinja::Value,
}

impl Globals {
    /// What every page gets, for `settings` and `strings`, built on `today`.
    pub(super) fn new(
        settings: &Settings,
        strings: &Strings,
        today: methodewijzer::Date,
    ) -> Globals {
        let mut params: std::collections::BTreeMap<&str, &str> = methodewijzer::Facet::ALL
            .map(|f| (f.key(), f.param()))
            .into_iter()
            .collect();
        // "At least this recognition level", beside the facets, and the order.
        params.insert("min_recognition", "minimaal");
        params.insert("sort", "sorteer");
        let sorts: Vec<(&str, String)> = methodewijzer::Sort::ALL
            .iter()
            .map(|s| {
                (
                    s.key(),
                    super::pages::string(strings, &format!("sort_{}", s.key())),
                )
            })
            .collect();
        Globals {
            site: v(settings),
            t: v(strings),
            nav: v(&nav(strings)),
            built: v(&super::pages::date_text(strings, today)),
            params: serde_json::to_string(&params).expect("strings serialize"),
            sorts: serde_json::to_string(&sorts).expect("strings serialize"),
        }
    }
}

/// A serializable value for a template.
pub(super) fn v<T: Serialize + ?Sized>(value: &T) -> minijinja::Value {
    minijinja::Value::from(minijinja::value::Serde(value))
}

/// A link in the breadcrumb trail.
#[derive(Serialize)]
pub(super) struct Crumb {
    label: String,
    url: String,
}

/// The main menu.
pub(super) fn nav(strings: &Strings) -> Vec<Crumb> {
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
    pub(super) fn t(&self, key: &str) -> String {
        string(&self.strings, key)
    }

    /// Renders `template` for `path` (a folder gets `index.html`), returning the file.
    pub(super) fn render_page(
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
        let root = root_of(&file);
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
            search_params => &self.globals.params,
            search_sorts => &self.globals.sorts,
            ..ctx
        };
        let mut html = self.env.get_template(template)?.render(ctx)?;
        if !self.inject.is_empty() {
            html = html.replacen("</body>", &format!("{}</body>", self.inject), 1);
        }
        Ok((PathBuf::from(file), html.into_bytes()))
    }

    /// Each method's entry in a list of methods, as pages at `root` with headings of
    /// `level` show it (`method_item` in macros.html), made from its summary once. A method is
    /// listed by many pages at one depth (a keuzehulp result page lists up to a hundred), and
    /// making its entry anew on each took most of their rendering.
    pub(super) fn list_entries(
        &self,
        summaries: &[minijinja::Value],
        root: &str,
        level: u8,
    ) -> Result<Vec<minijinja::Value>, BuildError> {
        // Named `.html` for HTML escaping, as the pages have it.
        let entry = self.env.template_from_named_str(
            "method-item.html",
            r#"{% from "macros.html" import method_item %}{{ method_item(m, root, t, level) }}"#,
        )?;
        parallel(summaries, |m| {
            let ctx = context! { m => m, root => root, t => &self.globals.t, level => level };
            Ok(minijinja::Value::from_safe_string(entry.render(ctx)?))
        })
    }

    /// Renders a page and adds it to the site.
    pub(super) fn page(
        &mut self,
        path: &str,
        template: &str,
        ctx: minijinja::Value,
    ) -> Result<(), BuildError> {
        let (file, bytes) = self.render_page(path, template, ctx)?;
        self.add(file, bytes)
    }

    /// Adds a file to the site.
    pub(super) fn add(&mut self, path: PathBuf, bytes: Vec<u8>) -> Result<(), BuildError> {
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
    pub(super) fn render_pages<T: Sync>(
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
                    .map_err(|_| BuildError::Step("writing pages"))
            });
            (writer.join(), rendered)
        });
        // The writer's error first: it is the cause when both failed.
        let written = written.map_err(|_| BuildError::Step("writing pages"))??;
        rendered?;
        self.paths.extend(written);
        Ok(())
    }

    pub(super) fn add_all(&mut self, files: Vec<(PathBuf, Vec<u8>)>) -> Result<(), BuildError> {
        files
            .into_iter()
            .try_for_each(|(path, bytes)| self.add(path, bytes))
    }
}

/// Maps `items` through `f` on all cores, keeping their order.
pub(super) fn parallel<T: Sync, R: Send>(
    items: &[T],
    f: impl Fn(&T) -> Result<R, BuildError> + Sync + Send,
) -> Result<Vec<R>, BuildError> {
    use rayon::prelude::*;
    items.par_iter().map(f).collect()
}

/// The way from the page at `file` back to the site's root: `../` per folder it is in.
pub(super) fn root_of(file: &str) -> String {
    "../".repeat(file.matches('/').count())
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
