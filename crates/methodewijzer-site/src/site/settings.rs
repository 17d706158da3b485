//! Site settings (`site/site.toml`) and UI strings (`site/strings/nl.toml`).
//!
//! Everything a page says that is not catalogue content comes from the strings file, so that
//! another language needs a new strings file, not new code.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// `site/site.toml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The site's name.
    pub title: String,
    /// One line under the name.
    pub tagline: String,
    /// Where the site is published, ending in `/`; used for the sitemap, the feed and
    /// canonical links. `--base-url` overrides it.
    pub base_url: String,
    /// The repository's web address; method pages link to their TOML file under it.
    pub repository_url: String,
    /// The branch the edit links point to.
    #[serde(default = "default_branch")]
    pub branch: String,
    /// Language code of the UI strings (`nl`).
    #[serde(default = "default_language")]
    pub language: String,
    /// Who publishes the site, for the accessibility statement and the feed.
    pub publisher: String,
    /// How to reach the publisher.
    pub contact: String,
}

fn default_branch() -> String {
    "main".into()
}

fn default_language() -> String {
    "nl".into()
}

/// The UI strings: any TOML values, handed to templates as `t`.
pub type Strings = BTreeMap<String, toml::Value>;

/// Reads `site/site.toml` and the strings of its language.
pub fn load(site_dir: &Path) -> Result<(Settings, Strings), String> {
    let path = site_dir.join("site.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let settings: Settings =
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let path = site_dir
        .join("strings")
        .join(format!("{}.toml", settings.language));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let strings: Strings = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((settings, strings))
}
