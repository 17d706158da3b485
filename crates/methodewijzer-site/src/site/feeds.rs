//! The files for machines rather than readers: the open data's schema, the Atom feed, the
//! sitemap and `robots.txt`. Only these (with canonical links) need the site's absolute
//! address.

use minijinja::context;

use super::BuildError;
use super::pages::{MethodSummary, MethodView};
use super::render::{Renderer, v};

/// How many methods the Atom feed lists, most recently reviewed first.
const FEED_ENTRIES: usize = 50;

impl Renderer<'_> {
    /// The schema, feed, sitemap and robots file. Runs after every page: the sitemap lists
    /// the pages made so far.
    pub(super) fn render_data_and_feeds(&mut self, views: &[MethodView]) -> Result<(), BuildError> {
        let recent = most_recent(views, FEED_ENTRIES);
        self.add(
            "data/method.schema.json".into(),
            (methodewijzer::method_schema_json() + "\n").into_bytes(),
        )?;
        let updated = recent
            .first()
            .map_or("2000-01-01", |v| v.last_reviewed)
            .to_string();
        let feed = self.env.get_template("feed.xml")?.render(context! {
            site => &self.globals.site, t => &self.globals.t, methods => v(&recent), updated => updated,
        })?;
        self.add("feed.xml".into(), feed.into_bytes())?;
        let mut urls: Vec<String> = self
            .paths
            .iter()
            .filter_map(|p| p.to_str())
            .filter(|p| p.ends_with("index.html"))
            // Comparisons repeat what method pages say; search engines need not list them.
            .filter(|p| !p.contains("vergelijk/"))
            // The keuzehulp's start, not each path through it.
            .filter(|p| !p.starts_with("keuzehulp/") || *p == "keuzehulp/index.html")
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
        Ok(())
    }
}

/// The most recently reviewed methods, newest first (for the home page and the feed).
pub(super) fn most_recent(views: &[MethodView], n: usize) -> Vec<MethodSummary<'_>> {
    let mut all: Vec<MethodSummary> = views.iter().map(MethodView::summary_view).collect();
    all.sort_by(|a, b| {
        b.last_reviewed
            .cmp(a.last_reviewed)
            .then(a.name.cmp(b.name))
    });
    all.truncate(n);
    all
}
