//! The proposal form (`voorstellen/`) is made from the method schema and the vocabularies:
//! every required field and every vocabulary term of the shipped catalogue is on it.

use std::path::Path;

use methodewijzer::{Kind, Vocabularies};
use methodewijzer_site::site::{BuildOptions, render};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

#[test]
fn the_form_has_every_required_field_and_every_vocabulary_term() {
    let root = Path::new(ROOT);
    let built = render(&BuildOptions {
        catalogue: root.join("interventions"),
        site: root.join("site"),
        base_url: None,
        inject: None,
    })
    .unwrap();
    let page = String::from_utf8(built.files[Path::new("voorstellen/index.html")].clone()).unwrap();
    let schema = methodewijzer::method_schema();
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    assert!(required.len() >= 7, "{required:?}");
    for key in &required {
        let field = field_html(&page, key);
        assert!(
            field.contains(" data-required"),
            "`{key}` is not marked required"
        );
        assert!(
            field.contains("(verplicht)"),
            "`{key}` does not say it is required"
        );
    }
    // Required fields come before every optional one (a table names its key, a field its path).
    let at = |key: &str| {
        [
            format!("data-path=\"{key}\""),
            format!("data-key=\"{key}\""),
        ]
        .iter()
        .filter_map(|m| page.find(m.as_str()))
        .min()
        .unwrap_or_else(|| panic!("no field `{key}` on the form"))
    };
    let last_required = required.iter().map(|k| at(k)).max().unwrap();
    for key in schema["properties"].as_object().unwrap().keys() {
        if !required.contains(&key.as_str()) {
            assert!(
                at(key) > last_required,
                "optional `{key}` before a required field"
            );
        }
    }

    let vocab = Vocabularies::load(root.join("interventions/_vocabularies.toml")).unwrap();
    let fields = [
        (Kind::Theme, "themes"),
        (Kind::TargetGroup, "target_groups"),
        (Kind::Law, "laws"),
        (Kind::CarriedOutBy, "carried_out_by"),
        (Kind::Setting, "settings"),
        (Kind::PreventionLevel, "prevention_level"),
        (Kind::RecognitionLevel, "recognitions.level"),
    ];
    assert_eq!(fields.len(), Kind::ALL.len());
    for (kind, path) in fields {
        let field = field_html(&page, path);
        for term in vocab.terms(kind) {
            assert!(
                field.contains(&format!("value=\"{}\"", term.id)),
                "`{path}` lacks the term `{}`",
                term.id
            );
            assert!(
                field.contains(&format!(">{}<", term.label.replace('\'', "&#39;"))),
                "`{path}` lacks the label {:?}",
                term.label
            );
        }
    }
    for committee in &vocab.committees {
        assert!(field_html(&page, "recognitions.scheme").contains(&committee.label));
    }
}

/// The HTML of the field with `data-path="path"`, up to the next field.
fn field_html<'a>(page: &'a str, path: &str) -> &'a str {
    let marker = format!("data-path=\"{path}\"");
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no field `{path}` on the form"));
    let rest = &page[start + marker.len()..];
    let end = rest.find("data-field ").unwrap_or(rest.len());
    &rest[..end]
}
