//! The pages that are not about one method or list: the home page, the fixed pages from
//! `site/pages/` (about, accessibility, the recognition levels) and the 404 page.

use std::path::Path;

use methodewijzer::Kind;
use minijinja::context;

use super::BuildError;
use super::feeds::most_recent;
use super::pages::{self, DIMENSIONS, MethodView};
use super::render::{Renderer, v};
use super::settings;

impl Renderer<'_> {
    /// The home page: themes, the most recently reviewed methods, the count.
    pub(super) fn render_home(&mut self, views: &[MethodView]) -> Result<(), BuildError> {
        let catalogue = self.catalogue;
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
        Ok(())
    }

    /// The fixed pages (Markdown in `site/pages/`, the recognition levels with the
    /// vocabulary) and the 404 page.
    pub(super) fn render_fixed_pages(
        &mut self,
        site_dir: &Path,
        total: usize,
    ) -> Result<(), BuildError> {
        let catalogue = self.catalogue;
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
                    total => total,
                },
            )?;
        }
        self.page(
            "404.html",
            "404.html",
            context! { title => self.t("not_found_title") },
        )?;

        Ok(())
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
