//! `build` and `check` against hostile or careless input: nothing the user wrote is deleted,
//! nothing outside the inputs is published or echoed, a killed build leaves the old site or
//! the new one, and no input makes a command hang.
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn methodewijzer(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_methodewijzer"))
        // Dutch, whatever the machine's locale: tests ask for English explicitly.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .output()
        .expect("run methodewijzer")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A project of its own: `interventions/` and `site/` copied into a fresh folder with a
/// `Cargo.toml`, as a clone of the repository would have.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(ROOT).join("interventions"),
        &dir.path().join("interventions"),
    );
    copy_dir(&Path::new(ROOT).join("site"), &dir.path().join("site"));
    std::fs::write(dir.path().join("Cargo.toml"), "[workspace]\n").unwrap();
    std::fs::write(dir.path().join("README.md"), "mine\n").unwrap();
    dir
}

fn count_files(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |d| d.count())
}

fn build(project: &Path, out: &str) -> Output {
    methodewijzer(&["build", "--out", out], project)
}

/// Builds and fails the test with what the build printed when it did not succeed.
fn built(project: &Path, out: &str) {
    let result = build(project, out);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
}

#[test]
fn refuses_an_out_that_is_or_holds_an_input_whatever_markers_say() {
    let project = project();
    let p = project.path();
    // A marker planted in the catalogue does not make it a build folder.
    std::fs::write(p.join("interventions/.methodewijzer-build"), "").unwrap();
    let methods = count_files(&p.join("interventions"));
    std::fs::write(p.join(".methodewijzer-build"), "").unwrap();
    for out in [
        "interventions",
        "site",
        ".",
        "site/static/public",
        "interventions/public",
    ] {
        let result = build(p, out);
        assert_eq!(
            result.status.code(),
            Some(1),
            "--out {out}: {}",
            stderr(&result)
        );
        assert!(
            stderr(&result).contains("refusing to build into"),
            "--out {out}: {}",
            stderr(&result)
        );
    }
    assert_eq!(count_files(&p.join("interventions")), methods);
    assert!(p.join("README.md").exists() && p.join("site/templates").is_dir());
    assert!(!p.join("site/static/public").exists());
    // The parent of the project holds it too.
    let parent = p.parent().unwrap().to_str().unwrap().to_string();
    let result = build(p, &parent);
    assert_eq!(result.status.code(), Some(1), "{}", stderr(&result));
    assert!(p.join("README.md").exists());
}

#[test]
fn removes_what_killed_builds_left_and_keeps_what_is_not_its_own() {
    let project = project();
    let p = project.path();
    // Left by killed builds: marked, with a process id that does not run.
    for name in [
        ".public.building-999999999",
        ".public.previous-999999998",
        ".public.building-999999996-18b4c2e1f",
    ] {
        std::fs::create_dir(p.join(name)).unwrap();
        std::fs::write(p.join(name).join(".methodewijzer-build"), "").unwrap();
        std::fs::write(p.join(name).join("index.html"), "old").unwrap();
    }
    // Made by builds killed before they renamed it: empty, or with the marker only.
    std::fs::create_dir(p.join(".public.creating-999999995-18b4c2e1f")).unwrap();
    std::fs::create_dir(p.join(".public.creating-999999994-18b4c2e1f")).unwrap();
    std::fs::write(
        p.join(".public.creating-999999994-18b4c2e1f/.methodewijzer-build"),
        "",
    )
    .unwrap();
    // Someone's own folders with look-alike names: without the marker, or with more in it.
    std::fs::create_dir(p.join(".public.building-999999997")).unwrap();
    std::fs::create_dir(p.join(".public.creating-999999993-1")).unwrap();
    std::fs::write(p.join(".public.creating-999999993-1/notes.txt"), "mine").unwrap();
    let result = build(p, "public");
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(!p.join(".public.building-999999999").exists());
    assert!(!p.join(".public.previous-999999998").exists());
    assert!(!p.join(".public.building-999999996-18b4c2e1f").exists());
    assert!(!p.join(".public.creating-999999995-18b4c2e1f").exists());
    assert!(!p.join(".public.creating-999999994-18b4c2e1f").exists());
    assert!(p.join(".public.building-999999997").exists());
    assert!(p.join(".public.creating-999999993-1/notes.txt").is_file());
    assert!(p.join("public/index.html").is_file());
}

#[test]
fn a_symlinked_out_updates_its_target_and_stays_a_link() {
    let project = project();
    let p = project.path();
    let real = tempfile::tempdir().unwrap();
    let target = real.path().join("www");
    std::os::unix::fs::symlink(&target, p.join("public")).unwrap();
    for _ in 0..2 {
        let result = build(p, "public");
        assert!(result.status.success(), "{}", stderr(&result));
        assert!(
            std::fs::symlink_metadata(p.join("public"))
                .unwrap()
                .is_symlink()
        );
        assert!(target.join("index.html").is_file());
    }
}

#[test]
fn a_build_killed_at_any_instant_leaves_the_old_site_or_the_new_one() {
    let project = project();
    let p = project.path();
    built(p, "public");
    // How long a whole build takes here, to spread the kills over it.
    let start = Instant::now();
    built(p, "public");
    let whole = start.elapsed();
    for i in 0..10u32 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_methodewijzer"))
            // Dutch, whatever the machine's locale: tests ask for English explicitly.
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .args(["build", "--out", "public"])
            .current_dir(p)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(whole * i / 9);
        let _ = child.kill();
        let _ = child.wait();
        assert!(
            p.join("public/index.html").is_file()
                && p.join("public/.methodewijzer-build").is_file(),
            "after a kill at {:?}, public/ is not a whole site",
            whole * i / 9
        );
    }
    built(p, "public");
    let debris: Vec<PathBuf> = std::fs::read_dir(p)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|path| {
            path.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".public.")
        })
        .collect();
    assert!(debris.is_empty(), "left behind: {debris:?}");
}

#[test]
fn symlinks_out_of_the_inputs_are_neither_published_nor_echoed() {
    let project = project();
    let p = project.path();
    let secret_dir = tempfile::tempdir().unwrap();
    let secret = secret_dir.path().join("secret.toml");
    std::fs::write(&secret, "wachtwoord = \"hunter2-geheim\"\n").unwrap();

    // A static file linking out: the build fails, names the file, publishes nothing.
    std::os::unix::fs::symlink(&secret, p.join("site/static/passwd.txt")).unwrap();
    let result = build(p, "public");
    assert_eq!(result.status.code(), Some(1));
    assert!(
        stderr(&result).contains("passwd.txt"),
        "{}",
        stderr(&result)
    );
    assert!(stderr(&result).contains("buiten"), "{}", stderr(&result));
    assert!(!p.join("public").exists());
    std::fs::remove_file(p.join("site/static/passwd.txt")).unwrap();

    // A linked folder in the static files is refused rather than walked.
    std::os::unix::fs::symlink(secret_dir.path(), p.join("site/static/etc")).unwrap();
    let result = build(p, "public");
    assert_eq!(result.status.code(), Some(1));
    assert!(stderr(&result).contains("etc"), "{}", stderr(&result));
    std::fs::remove_file(p.join("site/static/etc")).unwrap();

    // A method file linking out: an error naming it, without its contents.
    std::os::unix::fs::symlink(&secret, p.join("interventions/passwd.toml")).unwrap();
    let result = methodewijzer(&["check", "interventions"], p);
    assert_eq!(result.status.code(), Some(1));
    let out = format!(
        "{}{}",
        stderr(&result),
        String::from_utf8_lossy(&result.stdout)
    );
    assert!(out.contains("passwd.toml"), "{out}");
    assert!(
        !out.contains("hunter2"),
        "the linked file's contents were printed: {out}"
    );
}

#[test]
fn pipes_devices_and_huge_files_get_an_error_not_a_hang() {
    let project = project();
    let p = project.path();
    let fifo = p.join("interventions/pipe.toml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success(),
        "mkfifo"
    );
    std::os::unix::fs::symlink("/dev/zero", p.join("interventions/zero.toml")).unwrap();
    std::fs::write(
        p.join("interventions/groot.toml"),
        vec![b'#'; 2 * 1024 * 1024],
    )
    .unwrap();
    let start = Instant::now();
    let result = methodewijzer(&["check", "interventions"], p);
    assert!(start.elapsed() < Duration::from_secs(60));
    assert_eq!(result.status.code(), Some(1));
    let err = stderr(&result);
    for name in ["pipe.toml", "zero.toml", "groot.toml"] {
        assert!(err.contains(name), "{name} not reported: {err}");
    }
    assert!(
        err.contains("fout[MW008]: dit is geen gewoon bestand"),
        "{err}"
    );
    assert!(
        err.contains("fout[MW009]: dit bestand is groter dan"),
        "{err}"
    );
}

#[test]
fn an_address_that_is_not_a_web_address_is_refused_before_building() {
    let project = project();
    let p = project.path();
    for bad in [
        "javascript:alert(1)//",
        "not a url",
        "https://example.org/\"><x",
    ] {
        let result = methodewijzer(&["build", "--out", "public", "--base-url", bad], p);
        assert_eq!(result.status.code(), Some(2), "{bad}: {}", stderr(&result));
        assert!(stderr(&result).contains("base URL"), "{}", stderr(&result));
        assert!(!p.join("public").exists());
    }
}

#[test]
fn upper_case_extensions_are_reported_not_skipped() {
    let project = project();
    let p = project.path();
    std::fs::rename(
        p.join("interventions/krachtwerk.toml"),
        p.join("interventions/krachtwerk.TOML"),
    )
    .unwrap();
    let result = methodewijzer(&["check", "interventions"], p);
    assert_eq!(result.status.code(), Some(1));
    assert!(
        stderr(&result).contains("fout[MW003]: ")
            && stderr(&result).contains("hernoem dit bestand naar `krachtwerk.toml`"),
        "{}",
        stderr(&result)
    );
}

/// A folder with the shipped vocabularies and the given method files.
fn catalogue_with(files: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(ROOT).join("interventions/_vocabularies.toml"),
        dir.path().join("_vocabularies.toml"),
    )
    .unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

#[test]
fn thousands_of_problems_on_one_long_line_give_a_short_report_quickly() {
    let themes = vec!["\"eenzaamheid\""; 20_000].join(", ");
    let text = format!(
        "name = \"Veel\"\nsummary = \"Test.\"\nthemes = [{themes}]\ntarget_groups = [\"ouderen\"]\naim = \"Doel.\"\napproach = \"Aanpak.\"\nlast_reviewed = 2025-01-01\n"
    );
    let dir = catalogue_with(&[("veel.toml", text)]);
    let start = Instant::now();
    let result = methodewijzer(&["check", dir.path().to_str().unwrap()], dir.path());
    assert!(start.elapsed() < Duration::from_secs(30));
    assert_eq!(result.status.code(), Some(1));
    let err = stderr(&result);
    // Every problem is counted, 50 are shown, each with an excerpt of the 300 KB line.
    assert!(err.contains("19999 fouten"), "{}", &err[err.len() - 300..]);
    assert!(
        err.contains(" fouten en 0 waarschuwingen in dit bestand worden niet getoond"),
        "{}",
        &err[err.len() - 300..]
    );
    assert!(err.len() < 50_000, "{} bytes of report", err.len());
    assert!(err.lines().all(|line| line.chars().count() < 400));
}

#[test]
fn a_file_with_old_mac_line_ends_gets_one_clear_error() {
    let text = "name = \"CR\"\rsummary = \"x\"\rthemes = [\"bogus\"]\r".to_string();
    let dir = catalogue_with(&[("cr.toml", text)]);
    let result = methodewijzer(&["check", dir.path().to_str().unwrap()], dir.path());
    assert_eq!(result.status.code(), Some(1));
    let err = stderr(&result);
    assert_eq!(err.matches(": fout[").count(), 1, "{err}");
    assert!(err.contains("fout[MW004]: "), "{err}");
}

#[test]
fn deeply_nested_markdown_and_invisible_characters_are_located_errors() {
    let quotes = ">".repeat(100_000);
    let text = format!(
        "name = \"Diep\\u0001\"\nsummary = \"Test.\"\nthemes = [\"eenzaamheid\"]\ntarget_groups = [\"ouderen\"]\naim = \"\"\"\n{quotes} diep\n\"\"\"\napproach = \"Aanpak.\"\nage = {{ min = 30, max = 12 }}\nlast_reviewed = 0001-01-01\n"
    );
    let dir = catalogue_with(&[("diep.toml", text)]);
    let start = Instant::now();
    let result = methodewijzer(&["check", dir.path().to_str().unwrap()], dir.path());
    assert!(start.elapsed() < Duration::from_secs(30));
    assert_eq!(result.status.code(), Some(1));
    let err = stderr(&result);
    for expected in [
        "diep.toml:1:8: fout[MW502]: `name` bevat een stuurteken (U+0001)",
        "diep.toml:5:7: fout[MW503]: `aim` nest citaten of lijsten",
        "fout[MW504]: `age.min` (30) is hoger dan `age.max` (12)",
        "fout[MW408]: `last_reviewed` (0001-01-01) ligt voor 1990",
    ] {
        assert!(err.contains(expected), "{expected:?} not in {err}");
    }
    // An impossible date is one mistake, not also a stale review.
    assert!(!err.contains("MW452"), "{err}");
}

#[test]
fn new_explains_unusable_names_and_keeps_what_was_typed() {
    let dir = catalogue_with(&[]);
    std::fs::copy(
        Path::new(ROOT).join("interventions/_template.toml"),
        dir.path().join("_template.toml"),
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let result = methodewijzer(&["new", "🙂", "--dir", d], dir.path());
    assert_eq!(result.status.code(), Some(2));
    assert!(
        stderr(&result).contains("geen letters of cijfers"),
        "{}",
        stderr(&result)
    );
    let long = "a".repeat(500);
    let result = methodewijzer(&["new", &long, "--dir", d], dir.path());
    assert_eq!(result.status.code(), Some(2));
    assert!(
        stderr(&result).contains("te lang voor een bestandsnaam"),
        "{}",
        stderr(&result)
    );
    let result = methodewijzer(&["new", "Test {{date}}", "--dir", d], dir.path());
    assert!(result.status.success(), "{}", stderr(&result));
    let text = std::fs::read_to_string(dir.path().join("test-date.toml")).unwrap();
    assert!(text.contains("name = \"Test {{date}}\""), "{text}");
}

#[test]
fn check_messages_point_at_the_real_mistake() {
    let valid = "name = \"A\"\nsummary = \"x\"\nthemes = [\"eenzaamheid\"]\ntarget_groups = [\"ouderen\"]\naim = \"a\"\napproach = \"b\"\nlast_reviewed = 2025-01-01\n";
    let dir = catalogue_with(&[
        (
            "unclosed.toml",
            valid.replace("[\"eenzaamheid\"]", "[\"eenzaamheid\""),
        ),
        (
            "dubbel.toml",
            valid.replace("approach", "name = \"B\"\napproach"),
        ),
        ("krachtwеrk.toml", valid.replace("\"A\"", "\"C\"")), // a Cyrillic е
        ("ﬁets.toml", valid.replace("\"A\"", "\"D\"")),
    ]);
    let result = methodewijzer(&["check", dir.path().to_str().unwrap()], dir.path());
    let err = stderr(&result);
    assert!(
        err.contains("unclosed.toml:3:10: fout[MW101]: de lijst `themes = [` is niet afgesloten"),
        "{err}"
    );
    assert_eq!(
        err.matches("unclosed.toml:").count(),
        1,
        "one error, not a cascade: {err}"
    );
    assert!(
        err.contains("fout[MW102]: de sleutel `name` staat er twee keer: hij staat al op regel 1"),
        "{err}"
    );
    assert!(
        err.contains("(hernoem het naar `krachtwerk.toml`)"),
        "{err}"
    );
    assert!(err.contains("(hernoem het naar `fiets.toml`)"), "{err}");
}
