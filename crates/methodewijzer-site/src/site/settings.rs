//! Site settings (`site/site.toml`) and UI strings (`site/strings/nl.toml`).
//!
//! Everything a page says that is not catalogue content comes from the strings file, so that
//! another language needs a new strings file, not new code.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::BuildError;

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
pub fn load(site_dir: &Path) -> Result<(Settings, Strings), BuildError> {
    let path = site_dir.join("site.toml");
    let text = read_text(site_dir, &path)?;
    let settings: Settings = toml::from_str(&text).map_err(invalid(&path))?;
    let path = site_dir
        .join("strings")
        .join(format!("{}.toml", settings.language));
    let text = read_text(site_dir, &path)?;
    let strings: Strings = toml::from_str(&text).map_err(invalid(&path))?;
    Ok((settings, strings))
}

/// Reads a text file of the site folder, through [`methodewijzer::input::read_file`]: a regular
/// file inside `site_dir`, of limited size, in UTF-8.
pub fn read_text(site_dir: &Path, path: &Path) -> Result<String, BuildError> {
    let bytes =
        methodewijzer::input::read_file(site_dir, path, methodewijzer::input::MAX_TEXT_BYTES)
            .map_err(invalid(path))?;
    String::from_utf8(bytes).map_err(|_| BuildError::SiteFile {
        path: path.to_path_buf(),
        problem: "not valid UTF-8; save it as UTF-8".into(),
    })
}

/// A site file's problem, as the error that names the file.
fn invalid<E: std::fmt::Display>(path: &Path) -> impl FnOnce(E) -> BuildError {
    let path = path.to_path_buf();
    move |e| BuildError::SiteFile {
        path,
        problem: e.to_string(),
    }
}

/// Checks the address the site is published at: an absolute `http` or `https` address with a
/// host and nothing after the path, since it goes into canonical links, the sitemap and the feed.
pub fn check_base_url(base_url: &str) -> Result<(), BuildError> {
    let fail = |problem: &'static str| {
        Err(BuildError::BaseUrl {
            value: base_url.to_string(),
            problem,
        })
    };
    let Ok(url) = url::Url::parse(base_url) else {
        return fail("is not a web address");
    };
    if !matches!(url.scheme(), "http" | "https") {
        return fail("must start with https:// (or http://)");
    }
    if url.host_str().is_none_or(str::is_empty) {
        return fail("has no host name");
    }
    if !url.username().is_empty() || url.password().is_some() {
        return fail("must not contain a user name or password");
    }
    if url.query().is_some() || url.fragment().is_some() {
        return fail("must not have a `?` query or a `#` fragment");
    }
    if base_url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\'))
    {
        return fail("contains spaces or characters not allowed in an address");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_base_url;

    #[test]
    fn base_urls() {
        assert!(check_base_url("https://example.org/methodewijzer/").is_ok());
        assert!(check_base_url("http://127.0.0.1:8000/").is_ok());
        for bad in [
            "javascript:alert(1)//",
            "not a url",
            "/methodewijzer/",
            "https://",
            "ftp://example.org/",
            "https://user:pw@example.org/",
            "https://example.org/?x=1",
            "https://example.org/\"><script>",
        ] {
            assert!(check_base_url(bad).is_err(), "{bad}");
        }
    }
}
