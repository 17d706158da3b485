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

use crate::site::{self, BuildOptions, output::Files};

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
            eprintln!(
                "error: cannot listen on 127.0.0.1:{port}: {e}. Try another port with --port."
            );
            return std::process::ExitCode::FAILURE;
        }
    };
    if let Err(e) = watch(&options, &state) {
        eprintln!("warning: not watching for changes: {e}");
    }
    eprintln!(
        "serving {base} (Ctrl-C stops); watching {} and {}",
        options.catalogue.display(),
        options.site.display()
    );
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
                b"method not allowed: the preview only reads".to_vec(),
            )
            .with_header(allow)
        } else if header_bytes(&request) > MAX_HEADER_BYTES {
            text(
                431,
                "text/plain; charset=utf-8",
                b"request headers too large".to_vec(),
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
            eprintln!(
                "built {} methods ({} files) in {} ms",
                built.methods,
                built.files.len(),
                start.elapsed().as_millis()
            );
            state.files = built.files;
            state.error = None;
        }
        Err(e) => {
            let text = e.to_string();
            eprintln!("{text}");
            eprintln!("build failed; fix the problem and save: the page reloads by itself");
            state.error = Some(text);
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
            b"forbidden: outside the site".to_vec(),
        );
    };
    if let Some(error) = &state.error
        && (key.ends_with(".html") || key.ends_with('/'))
    {
        return text(
            500,
            "text/html; charset=utf-8",
            error_page(error).into_bytes(),
        );
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

fn error_page(error: &str) -> String {
    let escaped = error
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title>\
         <style>body{{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}}\
         pre{{background:#1b1b1f;color:#f3f4f7;padding:1rem;overflow:auto;white-space:pre-wrap}}</style></head>\
         <body><h1>The catalogue or the site has problems</h1>\
         <p>Fix them and save; this page reloads by itself.</p><pre>{escaped}</pre>{RELOAD_SCRIPT}</body></html>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
