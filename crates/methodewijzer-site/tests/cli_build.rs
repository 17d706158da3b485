//! `methodewijzer build` and `serve` as publishers and editors use them.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

mod common;
use common::tree;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn methodewijzer(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_methodewijzer"))
        // Dutch, whatever the machine's locale: tests ask for English explicitly.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(args)
        .current_dir(ROOT)
        // A fixed date (2027-06-30) for reproducible pages; after every `last_reviewed`.
        .env("SOURCE_DATE_EPOCH", "1814313600")
        .output()
        .expect("run methodewijzer")
}

fn build(out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["build", "--out", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    methodewijzer(&args)
}

/// Builds into `out` and fails the test with what the build printed when it did not succeed
/// (a full disk, say, is then named in the failure instead of hidden).
fn built(out: &Path) {
    let result = build(out, &[]);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A copy of the catalogue that a test may break.
fn catalogue_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(format!("{ROOT}/interventions")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

#[test]
fn builds_every_page_and_the_open_data() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let result = build(&out, &["--base-url", "https://example.org/methodewijzer/"]);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );

    for page in [
        "index.html",
        "404.html",
        "methoden/index.html",
        "methoden/krachtwerk/index.html",
        "thema/index.html",
        "thema/eenzaamheid/index.html",
        "doelgroep/ouderen/index.html",
        "wet/wmo/index.html",
        "erkenning/niet-beoordeeld/index.html",
        "erkenningsniveaus/index.html",
        "toegankelijkheid/index.html",
        "over/index.html",
        "voorstellen/index.html",
    ] {
        let html = read(out.join(page));
        assert!(
            html.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"),
            "{page}"
        );
    }

    let method = read(out.join("methoden/krachtwerk/index.html"));
    for expected in [
        "<h1>Krachtwerk</h1>",
        "Erkenning: Goed onderbouwd",
        "Werkzame elementen",
        "Voorbeelden uit de praktijk",
        "Laatst herzien",
        "interventions/krachtwerk.toml",
        "Verwante methoden",
    ] {
        assert!(method.contains(expected), "method page lacks {expected:?}");
    }
    // The recognisable situations, one list item each, under their own heading.
    let catalogue = methodewijzer::Catalogue::load(format!("{ROOT}/interventions")).unwrap();
    let situations = &catalogue.get("krachtwerk").unwrap().situations;
    assert!(!situations.is_empty(), "krachtwerk lists no situations");
    let section = method
        .split("<h2 id=\"herkenbare-situaties\">Herkenbare situaties</h2>")
        .nth(1)
        .and_then(|s| s.split("</ul>").next())
        .expect("the method page shows its situations");
    assert_eq!(section.matches("<li>").count(), situations.len());
    assert!(
        method.contains("href=\"#herkenbare-situaties\""),
        "listed on the page"
    );
    let json_ld = method
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .and_then(|s| s.split("</script>").next())
        .unwrap();
    let json_ld: serde_json::Value = serde_json::from_str(json_ld).unwrap();
    assert_eq!(json_ld["name"], "Krachtwerk");
    assert_eq!(
        json_ld["url"],
        "https://example.org/methodewijzer/methoden/krachtwerk/"
    );

    let shipped = std::fs::read_dir(format!("{ROOT}/interventions"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".toml") && !n.starts_with('_'))
        .count();
    let data: serde_json::Value =
        serde_json::from_str(&read(out.join("data/methods.json"))).unwrap();
    assert_eq!(data["schema_version"], 1);
    let methods = data["methods"].as_array().unwrap();
    assert_eq!(methods.len(), shipped);
    assert!(
        methods
            .iter()
            .any(|m| m["slug"] == "krachtwerk" && m["approach"].is_string())
    );
    assert!(data["vocabularies"]["themes"].is_array());

    let csv = read(out.join("data/methods.csv"));
    assert!(csv.starts_with("slug,name,aliases,summary,"));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.records().count(), shipped);

    let schema: serde_json::Value =
        serde_json::from_str(&read(out.join("data/method.schema.json"))).unwrap();
    assert!(
        schema["required"]
            .as_array()
            .unwrap()
            .contains(&"name".into())
    );

    let sitemap = read(out.join("sitemap.xml"));
    assert!(sitemap.contains("<loc>https://example.org/methodewijzer/methoden/krachtwerk/</loc>"));
    assert!(!sitemap.contains("404"));
    let feed = read(out.join("feed.xml"));
    assert_eq!(feed.matches("<entry>").count(), shipped.min(50));
    assert!(feed.contains("<id>https://example.org/methodewijzer/methoden/krachtwerk/</id>"));
    // Scripts and styles are named by their content, and the pages link those names.
    let style = std::fs::read_dir(&out)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("style.") && n.ends_with(".css") && n != "style.css")
        .expect("a content-named style sheet");
    assert!(!out.join("style.css").exists());
    // The 404 page is served at any depth, so its links start from the site's base path.
    assert!(read(out.join("404.html")).contains(&format!("href=\"/methodewijzer/{style}\"")));
    // A script's import names the content-named file it loads.
    let search = std::fs::read_dir(&out)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("search.") && n.ends_with(".js"))
        .expect("a content-named search script");
    let script = read(out.join(&search));
    // Minified, the import's quotes may be any kind.
    let engine = script
        .split("./")
        .skip(1)
        .filter_map(|rest| rest.split(['\'', '"', '`']).next())
        .find(|name| name.starts_with("search-engine."))
        .expect("search.js imports the engine");
    assert_ne!(engine, "search-engine.js");
    assert!(out.join(engine).exists(), "{engine}");
    assert!(read(out.join("index.html")).contains(&search));
}

#[test]
fn the_same_input_gives_byte_identical_output() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    built(&a);
    built(&b);
    assert_eq!(tree(&a), tree(&b));
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_make() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("mijn-map");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("belangrijk.txt"), "mijn werk").unwrap();
    let result = build(&out, &[]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("was not made by `methodewijzer build`"),
        "{stderr}"
    );
    assert_eq!(read(out.join("belangrijk.txt")), "mijn werk");
    assert_eq!(tree(&out).len(), 1);
}

#[test]
fn a_failed_build_leaves_the_previous_site_intact() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    built(&out);
    let before = tree(&out);

    let catalogue = catalogue_copy();
    std::fs::write(catalogue.path().join("krachtwerk.toml"), "name = \"kapot").unwrap();
    let result = build(&out, &["--catalogue", catalogue.path().to_str().unwrap()]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("krachtwerk.toml:1:"), "{stderr}");
    assert!(stderr.contains("is gelaten zoals het was"), "{stderr}");
    assert_eq!(tree(&out), before);
    // No staging folders are left behind either.
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["public"]);
}

#[test]
fn a_rebuild_replaces_the_previous_one() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    built(&out);
    std::fs::write(out.join("oud.html"), "stale").unwrap();
    built(&out);
    assert!(!out.join("oud.html").exists());
    assert!(out.join(".methodewijzer-build").exists());
}

/// A minimal HTTP GET over a raw socket, so the path is sent exactly as given: the status
/// and the body.
fn get(port: u16, path: &str) -> (u16, String) {
    let (status, response) = request(port, "GET", path);
    // The body only: headers carry the date, which would make equal answers differ.
    let body = response
        .split_once("\r\n\r\n")
        .map_or("", |(_, body)| body)
        .to_string();
    (status, body)
}

fn wait_for(what: &str, mut condition: impl FnMut() -> bool) {
    let start = Instant::now();
    while !condition() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn serve_previews_reloads_and_survives_errors() {
    let catalogue = catalogue_copy();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let _server = Child(
        Command::new(env!("CARGO_BIN_EXE_methodewijzer"))
            // Dutch, whatever the machine's locale: tests ask for English explicitly.
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .args(["serve", "--port", &port.to_string(), "--catalogue"])
            .arg(catalogue.path())
            .current_dir(ROOT)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    wait_for("the server", || {
        std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
    });

    let (status, page) = get(port, "/methoden/krachtwerk/");
    assert_eq!(status, 200);
    assert!(page.contains("<h1>Krachtwerk</h1>"));
    assert!(page.contains("/__version"), "the preview reloads itself");
    assert_eq!(get(port, "/methoden/krachtwerk").0, 301);
    assert_eq!(get(port, "/../Cargo.toml").0, 403);
    assert_eq!(get(port, "/%2e%2e/%2e%2e/etc/passwd").0, 403);
    assert_eq!(get(port, "/bestaat-niet/").0, 404);
    let version = get(port, "/__version").1;
    // Nothing changed, so nothing is rebuilt: the build's own reading of the files is not a
    // change (it once was, and the server rebuilt forever, racing the editor's saves).
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(
        get(port, "/__version").1,
        version,
        "rebuilt without a change"
    );

    // A change is picked up and the version moves on, so open pages reload.
    let file = catalogue.path().join("krachtwerk.toml");
    let original = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        original.replace("name = \"Krachtwerk\"", "name = \"Krachtwerk NL\""),
    )
    .unwrap();
    wait_for("the rebuild", || {
        get(port, "/methoden/krachtwerk/")
            .1
            .contains("<h1>Krachtwerk NL</h1>")
    });
    assert_ne!(get(port, "/__version").1, version);

    // A mistake shows on the page; the server keeps running.
    std::fs::write(
        &file,
        original.replace("themes = [", "themes = [\"bestaat-niet\", "),
    )
    .unwrap();
    wait_for("the error page", || {
        get(port, "/methoden/krachtwerk/").0 == 500
    });
    let (_, error) = get(port, "/");
    let line = original[..original.find("themes = [").unwrap()]
        .lines()
        .count()
        + 1;
    assert!(
        error.contains(&format!("krachtwerk.toml:{line}:")),
        "{error}"
    );
    // In Dutch, the errors first and the warnings (if any) folded away below them.
    assert!(error.contains("<html lang=\"nl\">"), "{error}");
    let errors = error
        .find("<h2>Fouten (1)</h2>")
        .expect("an errors heading");
    let problem = error
        .find("fout[MW301]: thema \"bestaat-niet\"")
        .expect("the error");
    assert!(errors < problem, "{error}");
    if let Some(warning) = error.find("waarschuwing[") {
        let folded = error.find("<details").expect("warnings folded away");
        assert!(problem < folded && folded < warning, "{error}");
    }

    // Fixed: the page comes back.
    std::fs::write(&file, &original).unwrap();
    wait_for("the fix", || get(port, "/methoden/krachtwerk/").0 == 200);

    // The preview only reads.
    assert_eq!(request(port, "POST", "/").0, 405);
    assert_eq!(request(port, "DELETE", "/methoden/").0, 405);

    // The catalogue folder deleted and made anew (as `rm -rf` and a copy, or a checkout do):
    // the server watches the new folder and shows its edits.
    let moved = catalogue.path().with_extension("old");
    std::fs::rename(catalogue.path(), &moved).unwrap();
    std::fs::create_dir(catalogue.path()).unwrap();
    for entry in std::fs::read_dir(&moved).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, catalogue.path().join(path.file_name().unwrap())).unwrap();
    }
    std::fs::remove_dir_all(&moved).unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    std::fs::write(
        &file,
        original.replace("name = \"Krachtwerk\"", "name = \"Krachtwerk opnieuw\""),
    )
    .unwrap();
    wait_for("the edit in the new folder", || {
        get(port, "/methoden/krachtwerk/")
            .1
            .contains("<h1>Krachtwerk opnieuw</h1>")
    });
}

/// A request with any method; the status code and the whole response.
fn request(port: u16, method: &str, path: &str) -> (u16, String) {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, response)
}
