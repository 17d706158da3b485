//! A method page's "Wijzigingen", read from git at build time, as an editor's change shows up
//! on the site.

use std::path::Path;
use std::process::{Command, Output};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_DATE", "2026-10-01T12:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-10-01T12:00:00Z")
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

fn build(catalogue: &Path, out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_methodewijzer"))
        .args(["build", "--catalogue"])
        .arg(catalogue)
        .arg("--out")
        .arg(out)
        .current_dir(ROOT)
        .env("SOURCE_DATE_EPOCH", "1814313600")
        .output()
        .expect("run methodewijzer")
}

/// The catalogue's files, copied into `dir`.
fn copy_catalogue(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for entry in std::fs::read_dir(format!("{ROOT}/interventions")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
}

fn page(out: &Path, slug: &str) -> String {
    std::fs::read_to_string(out.join(format!("methoden/{slug}/index.html"))).unwrap()
}

#[test]
fn a_method_page_lists_the_commits_that_changed_its_file() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    let catalogue = repo.join("interventions");
    copy_catalogue(&catalogue);
    git(&repo, &["init", "-q"]);
    git(&repo, &["config", "user.name", "Redactie"]);
    git(&repo, &["config", "user.email", "redactie@example.org"]);
    git(&repo, &["add", "."]);
    git(
        &repo,
        &["commit", "-q", "-m", "Eerste versie van de catalogus"],
    );
    let file = catalogue.join("krachtwerk.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{text}\n# Bronnen nagekeken.\n")).unwrap();
    git(
        &repo,
        &["commit", "-q", "-am", "krachtwerk: bronnen nagekeken"],
    );

    let out = tmp.path().join("site");
    let result = build(&catalogue, &out);
    assert!(result.status.success(), "{result:?}");
    let krachtwerk = page(&out, "krachtwerk");
    let newest = krachtwerk
        .find("krachtwerk: bronnen nagekeken")
        .expect("the change to its file");
    let first = krachtwerk
        .find("Eerste versie van de catalogus")
        .expect("the commit that added it");
    assert!(newest < first, "newest first");
    assert!(krachtwerk.contains(r#"<h2 id="wijzigingen">Wijzigingen</h2>"#));
    assert!(krachtwerk.contains(r#"<time datetime="2026-10-01">1 oktober 2026</time>"#));
    assert!(
        krachtwerk.contains(r##"href="#wijzigingen""##),
        "in 'Op deze pagina'"
    );
    // Another method's page shows only the commits that changed its own file.
    let ips = page(&out, "ips");
    assert!(ips.contains("Eerste versie van de catalogus"));
    assert!(!ips.contains("bronnen nagekeken"));

    // Work not yet committed does not show, so the same commit builds the same pages.
    std::fs::write(&file, format!("{text}\n# Nog niet vastgelegd.\n")).unwrap();
    let again = tmp.path().join("again");
    assert!(build(&catalogue, &again).status.success());
    assert_eq!(page(&again, "krachtwerk"), krachtwerk);

    // Outside a git checkout the pages are whole, without the section.
    let plain = tmp.path().join("plain");
    copy_catalogue(&plain);
    let out = tmp.path().join("plain-site");
    let result = build(&plain, &out);
    assert!(result.status.success(), "{result:?}");
    let krachtwerk = page(&out, "krachtwerk");
    assert!(!krachtwerk.contains("wijzigingen"));
    assert!(krachtwerk.contains("</html>"));
}
