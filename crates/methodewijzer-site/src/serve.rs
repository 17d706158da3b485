//! `methodewijzer serve`: a live preview for editors.
//!
//! The site is rendered into memory and served from there on 127.0.0.1, so nothing on disk
//! is touched and no request can reach a file outside the site. `interventions/` and `site/`
//! are watched; every change rebuilds, and open pages reload themselves (a small inline script
//! polls `/__version`; it exists only in the preview, never in `build` output). A build that
//! fails keeps the server running and shows the problems on every page until they are fixed.

use std::path::Path;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use methodewijzer::{Diagnostics, Msg, messages};

use crate::site::{self, BuildError, BuildOptions, output::Files};

const RELOAD_SCRIPT: &str = r#"<script>
(() => {
  let seen = null;
  const poll = async () => {
    try {
      const r = await fetch("/__version", { cache: "no-store" });
      const v = await r.text();
      if (seen !== null && v !== seen) location.reload();
      seen = v;
    } catch (e) {}
    setTimeout(poll, 700);
  };
  poll();
})();
</script>"#;

struct State {
    version: u64,
    files: Files,
    /// The page shown instead of every page while the last build failed.
    error: Option<String>,
}

/// Builds, serves on `port` and rebuilds on change, until interrupted.
pub fn run(options: BuildOptions, port: u16) -> std::process::ExitCode {
    let base = format!("http://127.0.0.1:{port}/");
    let options = BuildOptions {
        base_url: Some(base.clone()),
        inject: Some(RELOAD_SCRIPT.to_string()),
        ..options
    };
    let state = Arc::new(RwLock::new(State {
        version: 0,
        files: Files::new(),
        error: None,
    }));
    rebuild(&options, &state);

    let server = match tiny_http::Server::http(("127.0.0.1", port)) {
        Ok(server) => server,
        Err(e) => {
            let problem = Msg::ServeCannotListen.text(&[("port", &port), ("error", &e)]);
            eprintln!("{}", Msg::CliProblem.text(&[("problem", &problem)]));
            return std::process::ExitCode::FAILURE;
        }
    };
    if let Err(e) = watch(&options, &state) {
        eprintln!("{}", Msg::ServeNotWatching.text(&[("error", &e)]));
    }
    let serving = Msg::ServeServing.text(&[
        ("base", &base),
        ("catalogue", &options.catalogue.display()),
        ("site", &options.site.display()),
    ]);
    eprintln!("{serving}");
    for request in server.incoming_requests() {
        let response = if !matches!(
            request.method(),
            tiny_http::Method::Get | tiny_http::Method::Head
        ) {
            let allow = tiny_http::Header::from_bytes(&b"Allow"[..], &b"GET, HEAD"[..])
                .expect("a valid header");
            text(
                405,
                "text/plain; charset=utf-8",
                Msg::ServeMethodNotAllowed.text(&[]).into_bytes(),
            )
            .with_header(allow)
        } else if header_bytes(&request) > MAX_HEADER_BYTES {
            text(
                431,
                "text/plain; charset=utf-8",
                Msg::ServeHeadersTooLarge.text(&[]).into_bytes(),
            )
        } else {
            respond(request.url(), &state)
        };
        let _ = request.respond(response);
    }
    std::process::ExitCode::SUCCESS
}

fn rebuild(options: &BuildOptions, state: &RwLock<State>) {
    publish(site::render(options), Instant::now(), state);
}

/// Waits until the folders are quiet, then renders and publishes; a failed build is tried once
/// more after a quiet moment before its error is shown: an editor saving twice in quick
/// succession, or a tool writing a file in several steps, must not flash a "build failed" page
/// for a half-written file.
fn rebuild_after_change(
    options: &BuildOptions,
    state: &RwLock<State>,
    events: &std::sync::mpsc::Receiver<notify::Result<notify::Event>>,
) {
    // Wait for quiet; whatever arrives meanwhile is part of the same save. Changes made during
    // the rebuild wait in the channel and start the next.
    while events.recv_timeout(QUIET).is_ok() {}
    let start = Instant::now();
    let mut result = site::render(options);
    if result.is_err() {
        std::thread::sleep(RETRY_AFTER);
        while events.recv_timeout(QUIET).is_ok() {}
        result = site::render(options);
    }
    publish(result, start, state);
}

fn publish(result: Result<site::Built, site::BuildError>, start: Instant, state: &RwLock<State>) {
    let Ok(mut state) = state.write() else { return };
    state.version += 1;
    match result {
        Ok(built) => {
            crate::eprint_diagnostics(&built.warnings);
            let line = Msg::ServeBuilt.text(&[
                ("methods", &built.methods),
                ("files", &built.files.len()),
                ("ms", &start.elapsed().as_millis()),
            ]);
            eprintln!("{line}");
            state.files = built.files;
            state.error = None;
        }
        Err(e) => {
            eprintln!("{e}");
            eprintln!("{}", Msg::ServeFailed.text(&[]));
            state.error = Some(error_page(&e));
        }
    }
}

/// How long the watched folders must stay quiet before a rebuild starts: an editor's save
/// (truncate, write, rename) arrives as several events, and reading a half-written file
/// would show a false error.
const QUIET: Duration = Duration::from_millis(150);

/// How long a failed build waits before its one retry.
const RETRY_AFTER: Duration = Duration::from_millis(300);

/// How often the watcher checks that the watched folders are still the ones it watches: a
/// folder deleted and made anew (a `git checkout`, `rm -rf` and a copy) is a new folder the
/// old watch no longer sees.
const REARM_EVERY: Duration = Duration::from_secs(1);

/// The identity of a folder: its device and inode, or nothing when it is gone.
fn identity(dir: &Path) -> Option<(u64, u64)> {
    let meta = std::fs::metadata(dir).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Some((0, 0))
    }
}

/// Watches the catalogue and the site on a thread of its own, for as long as the server runs.
fn watch(options: &BuildOptions, state: &Arc<RwLock<State>>) -> notify::Result<()> {
    let (tx, rx) = std::sync::mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx)?;
    let dirs = [options.catalogue.clone(), options.site.clone()];
    let mut watched = Vec::new();
    for dir in &dirs {
        notify::Watcher::watch(&mut watcher, dir, notify::RecursiveMode::Recursive)?;
        watched.push(identity(dir));
    }
    let opts = options.clone();
    let state = Arc::clone(state);
    std::thread::spawn(move || {
        let mut checked = Instant::now();
        loop {
            match rx.recv_timeout(REARM_EVERY) {
                Ok(event) if is_change(&event) => rebuild_after_change(&opts, &state, &rx),
                Ok(_) => {}
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
            }
            // Checked every second whatever arrives: a stream of ignored events (an editor's
            // swap files) must not postpone it.
            if checked.elapsed() < REARM_EVERY {
                continue;
            }
            checked = Instant::now();
            // A folder replaced or gone: watch it anew where it is now, and rebuild.
            let mut changed = false;
            for (dir, seen) in dirs.iter().zip(watched.iter_mut()) {
                let now = identity(dir);
                if now != *seen {
                    let _ = notify::Watcher::unwatch(&mut watcher, dir);
                    if now.is_some()
                        && notify::Watcher::watch(
                            &mut watcher,
                            dir,
                            notify::RecursiveMode::Recursive,
                        )
                        .is_err()
                    {
                        continue; // try again at the next check
                    }
                    *seen = now;
                    changed = true;
                }
            }
            if changed {
                rebuild_after_change(&opts, &state, &rx);
            }
        }
    });
    Ok(())
}

/// Whether an event means the catalogue or the site changed. Opening and reading files is
/// not a change: the rebuild reads every file, and counting that would rebuild forever.
fn is_change(event: &notify::Result<notify::Event>) -> bool {
    let Ok(event) = event else { return true };
    !matches!(event.kind, notify::EventKind::Access(_))
        && event.paths.iter().any(|p| !is_editor_noise(p))
}

/// Swap and backup files editors write next to the real one.
fn is_editor_noise(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
}

type Response = tiny_http::Response<std::io::Cursor<Vec<u8>>>;

/// The most header bytes (names, values and the address) a request may carry; a browser sends
/// well under 8 KB.
const MAX_HEADER_BYTES: usize = 16 * 1024;

fn header_bytes(request: &tiny_http::Request) -> usize {
    request.url().len()
        + request
            .headers()
            .iter()
            .map(|h| h.field.as_str().as_str().len() + h.value.as_str().len() + 4)
            .sum::<usize>()
}

fn respond(url: &str, state: &RwLock<State>) -> Response {
    let Ok(state) = state.read() else {
        return text(500, "text/plain; charset=utf-8", b"server error".to_vec());
    };
    let path = url.split(['?', '#']).next().unwrap_or("/");
    if path == "/__version" {
        return text(
            200,
            "text/plain; charset=utf-8",
            state.version.to_string().into_bytes(),
        );
    }
    let Some(key) = site_path(path) else {
        return text(
            403,
            "text/plain; charset=utf-8",
            Msg::ServeForbidden.text(&[]).into_bytes(),
        );
    };
    if let Some(error) = &state.error
        && (key.ends_with(".html") || key.ends_with('/'))
    {
        return text(500, "text/html; charset=utf-8", error.clone().into_bytes());
    }
    let key = key.trim_start_matches('/');
    let file = if key.is_empty() || key.ends_with('/') {
        format!("{key}index.html")
    } else {
        key.to_string()
    };
    if let Some(bytes) = state.files.get(Path::new(&file)) {
        return text(200, content_type(&file), bytes.clone());
    }
    // A folder asked for without its slash: redirect, so relative links resolve.
    if state
        .files
        .contains_key(Path::new(&format!("{key}/index.html")))
    {
        let location =
            tiny_http::Header::from_bytes(&b"Location"[..], format!("/{key}/").as_bytes())
                .expect("a valid header");
        return text(301, "text/plain; charset=utf-8", Vec::new()).with_header(location);
    }
    let not_found = state
        .files
        .get(Path::new("404.html"))
        .cloned()
        .unwrap_or_default();
    text(404, "text/html; charset=utf-8", not_found)
}

/// The site path of a URL path, or `None` when it tries to leave the site (`..`).
fn site_path(path: &str) -> Option<String> {
    let decoded = percent_decode(path)?;
    let mut parts = Vec::new();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p if p.contains('\\') || p.contains('\0') => return None,
            p => parts.push(p),
        }
    }
    let mut key = parts.join("/");
    if decoded.ends_with('/') {
        key.push('/');
    }
    Some(key)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "xml" => "application/xml",
        "toml" | "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

fn text(status: u16, content_type: &str, body: Vec<u8>) -> Response {
    let header = tiny_http::Header::from_bytes(&b"Content-Type"[..], content_type.as_bytes())
        .expect("a valid header");
    let no_cache = tiny_http::Header::from_bytes(&b"Cache-Control"[..], &b"no-store"[..])
        .expect("a valid header");
    tiny_http::Response::from_data(body)
        .with_status_code(status)
        .with_header(header)
        .with_header(no_cache)
}

/// The page every HTML request gets while the build fails: in the editors' language, the
/// errors first, then the warnings folded away, so that what must be fixed is not lost among
/// what may wait.
fn error_page(error: &BuildError) -> String {
    let (errors, warnings, count) = match error {
        BuildError::Catalogue(diagnostics) => {
            let errors = Diagnostics(diagnostics.errors().cloned().collect());
            let warnings = Diagnostics(diagnostics.warnings().cloned().collect());
            let count = errors.len();
            (report(&errors), report(&warnings), count)
        }
        other => (other.to_string(), String::new(), 1),
    };
    let title = Msg::PageTitle.text(&[]);
    let mut page = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         <style>body{{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;line-height:1.5}}\
         pre{{padding:1rem;overflow:auto;white-space:pre-wrap}}\
         .errors pre{{background:#1b1b1f;color:#f3f4f7;border-left:.4rem solid #d1242f}}\
         .warnings pre{{background:#f6f6f6;color:#1b1b1f}}</style></head>\
         <body><h1>{title}</h1><p>{intro}</p>\
         <section class=\"errors\"><h2>{heading}</h2><pre>{errors}</pre></section>",
        lang = messages::language().tag(),
        intro = Msg::PageIntro.text(&[]),
        heading = Msg::PageErrors.text(&[("n", &count)]),
        errors = escape(&errors),
    );
    if let BuildError::Catalogue(diagnostics) = error
        && !warnings.is_empty()
    {
        let summary = Msg::PageWarnings.text(&[("n", &diagnostics.warnings().count())]);
        page += &format!(
            "<details class=\"warnings\"><summary>{summary}</summary><pre>{}</pre></details>",
            escape(&warnings)
        );
    }
    page + RELOAD_SCRIPT + "</body></html>"
}

/// Problems as `check` prints them, capped per file.
fn report(diagnostics: &Diagnostics) -> String {
    let mut text = String::new();
    let _ = diagnostics.write_capped(&mut text, crate::DIAGNOSTICS_PER_FILE);
    text
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_page_is_dutch_and_puts_errors_before_warnings() {
        use methodewijzer::{Diagnostic, Severity};
        let path = std::path::Path::new("interventions/x.toml");
        let source = "themes = [\"senioren\"]\n";
        let diagnostics = Diagnostics(vec![
            Diagnostic::at(Severity::Warning, path, source, 0..6, Msg::NoSources),
            Diagnostic::at(
                Severity::Error,
                path,
                source,
                11..19,
                Msg::EmptyText.with(&[("key", &"<name>")]),
            ),
        ]);
        let page = error_page(&BuildError::Catalogue(diagnostics));
        assert!(page.contains("<html lang=\"nl\">"), "{page}");
        assert!(page.contains("<title>Er gaat iets mis in de catalogus</title>"));
        let errors = page.find("<h2>Fouten (1)</h2>").expect("an errors heading");
        let warnings = page.find("<details").expect("the warnings folded away");
        assert!(errors < warnings, "{page}");
        let error_at = page.find("fout[MW208]").expect("the error");
        let warning_at = page.find("waarschuwing[MW601]").expect("the warning");
        assert!(error_at < warnings && warnings < warning_at, "{page}");
        assert!(page.contains("`&lt;name&gt;`"), "escaped: {page}");

        // Without warnings, nothing is folded away.
        let page = error_page(&BuildError::Step("render"));
        assert!(!page.contains("<details"), "{page}");
    }

    #[test]
    fn paths_cannot_leave_the_site() {
        assert_eq!(site_path("/"), Some("/".into()));
        assert_eq!(site_path("/methoden"), Some("methoden".into()));
        assert_eq!(
            site_path("/methoden/krachtwerk/"),
            Some("methoden/krachtwerk/".into())
        );
        assert_eq!(site_path("/style.css"), Some("style.css".into()));
        assert_eq!(site_path("/../etc/passwd"), None);
        assert_eq!(site_path("/%2e%2e/etc/passwd"), None);
        assert_eq!(site_path("/a/..%2f..%2fetc"), None);
        assert_eq!(site_path("/a%5c..%5cb"), None);
    }
}
