//! The form's fields, read from the method's JSON Schema: what each is (its input), whether it
//! is required, its limits, and its choices from the vocabularies. A field draws from a
//! vocabulary when its schema description says so ("ids from the `themes` vocabulary").

use methodewijzer::{Kind, Vocabularies};
use serde::Serialize;
use serde_json::Value as Json;

use super::notes::Notes;
use crate::site::settings::Strings;

/// Dates the catalogue's rules refuse in the future (and before 1990): when a description was
/// reviewed and when a committee judged. Not in the schema, so named here.
const PAST_DATES: [&str; 2] = ["last_reviewed", "recognitions.date"];

/// The recognition field whose text starts with a committee's label (`Vocabularies::committee_of`).
const COMMITTEE_FIELD: &str = "recognitions.scheme";

/// How a field is entered, and so how the script checks and writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Input {
    /// One line of text.
    Text,
    /// Markdown, written as a multi-line string.
    Long,
    /// `YYYY-MM-DD`.
    Date,
    /// An http(s) address.
    Url,
    /// A whole number.
    Integer,
    /// A yes/no checkbox.
    Flag,
    /// One of the schema's fixed values (`status`, `type`).
    Choice,
    /// One id of a vocabulary.
    Term,
    /// Any number of ids of a vocabulary.
    Terms,
    /// Free texts, one per line.
    List,
    /// A table (`[owner]`).
    Group,
    /// A list of tables (`[[sources]]`).
    Repeat,
}

/// One field of the form.
#[derive(Debug, Serialize)]
pub(crate) struct Field {
    /// The TOML key.
    pub key: String,
    /// The key with its table's: `sources.url`.
    pub path: String,
    pub label: String,
    /// Dutch help, from the template's comment.
    pub help: String,
    pub input: Input,
    pub required: bool,
    pub max_length: Option<u64>,
    pub minimum: Option<i64>,
    pub maximum: Option<i64>,
    /// The value the loader assumes when the field is left out (not written then).
    pub default: Option<String>,
    /// The choices of a `Choice`, `Term` or `Terms` field.
    pub options: Vec<Choice>,
    /// Every value must be the slug of a method in the catalogue (`related`).
    pub slugs: bool,
    /// The text must start with one of these (a recognition's committee).
    pub prefixes: Vec<String>,
    /// Must not lie in the future.
    pub past: bool,
    /// The fields of a `Group` or `Repeat`.
    pub fields: Vec<Field>,
}

/// A choice: the id written to the file and the label shown.
#[derive(Debug, Serialize)]
pub(crate) struct Choice {
    pub id: String,
    pub label: String,
}

/// The form's fields, from the method schema: required ones first, each part in the template's
/// order (fields the template lacks come last).
pub(crate) fn fields(
    schema: &Json,
    vocab: &Vocabularies,
    notes: &Notes,
    strings: &Strings,
) -> Vec<Field> {
    Walker {
        root: schema,
        vocab,
        notes,
        strings,
    }
    .object(schema, "")
}

struct Walker<'a> {
    root: &'a Json,
    vocab: &'a Vocabularies,
    notes: &'a Notes,
    /// Labels (`proposal_fields`) and help that replaces the template's (`proposal_help`).
    strings: &'a Strings,
}

impl Walker<'_> {
    fn object(&self, object: &Json, table: &str) -> Vec<Field> {
        let required: Vec<&str> = object["required"]
            .as_array()
            .map(|r| r.iter().filter_map(Json::as_str).collect())
            .unwrap_or_default();
        let mut fields: Vec<Field> = object["properties"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(key, schema)| self.field(key, schema, table, required.contains(&key.as_str())))
            .collect();
        let position = |path: &str| {
            self.notes
                .order
                .iter()
                .position(|p| p == path)
                .unwrap_or(usize::MAX)
        };
        fields.sort_by_key(|f| (!f.required, position(&f.path)));
        fields
    }

    /// `$ref` to its definition; `anyOf [x, null]` (an optional value) to `x`.
    fn resolve<'s>(&'s self, schema: &'s Json) -> &'s Json {
        if let Some(name) = schema["$ref"]
            .as_str()
            .and_then(|r| r.strip_prefix("#/$defs/"))
        {
            return self.resolve(&self.root["$defs"][name]);
        }
        if let Some(inner) = schema["anyOf"]
            .as_array()
            .and_then(|alts| alts.iter().find(|a| a["type"] != "null"))
        {
            return self.resolve(inner);
        }
        schema
    }

    fn field(&self, key: &str, schema: &Json, table: &str, required: bool) -> Field {
        let path = if table.is_empty() {
            key.to_string()
        } else {
            format!("{table}.{key}")
        };
        let target = self.resolve(schema);
        let description = schema["description"]
            .as_str()
            .or_else(|| target["description"].as_str())
            .unwrap_or("");
        // A field drawing from a vocabulary says so: "ids from the `themes` vocabulary".
        let kind = Kind::ALL
            .into_iter()
            .find(|k| description.contains(&format!("`{}` vocabulary", k.key())));
        let ty = match &target["type"] {
            Json::String(t) => t.as_str(),
            Json::Array(ts) => ts
                .iter()
                .filter_map(Json::as_str)
                .find(|t| *t != "null")
                .unwrap_or(""),
            _ => "",
        };
        let mut options = kind.map(|k| self.terms(k)).unwrap_or_default();
        let mut fields = Vec::new();
        let input = if let Some(consts) = target["oneOf"].as_array() {
            options = consts
                .iter()
                .filter_map(|c| c["const"].as_str())
                .map(|c| Choice {
                    id: c.into(),
                    label: c.into(),
                })
                .collect();
            Input::Choice
        } else {
            match ty {
                "array" => {
                    let items = self.resolve(&target["items"]);
                    if items["type"] == "object" {
                        fields = self.object(items, &path);
                        Input::Repeat
                    } else if kind.is_some() {
                        Input::Terms
                    } else {
                        Input::List
                    }
                }
                "object" => {
                    fields = self.object(target, &path);
                    Input::Group
                }
                "integer" => Input::Integer,
                "boolean" => Input::Flag,
                _ => match target["format"].as_str() {
                    Some("date") => Input::Date,
                    Some("uri") => Input::Url,
                    _ if kind.is_some() => Input::Term,
                    _ if self.notes.long.contains(&path) => Input::Long,
                    _ => Input::Text,
                },
            }
        };
        let label = self
            .overrides("proposal_fields", &path)
            .unwrap_or_else(|| key.to_string());
        let prefixes = if path == COMMITTEE_FIELD {
            self.vocab
                .committees
                .iter()
                .map(|c| c.label.clone())
                .collect()
        } else {
            Vec::new()
        };
        Field {
            key: key.to_string(),
            label,
            help: self
                .overrides("proposal_help", &path)
                .or_else(|| self.notes.help.get(&path).cloned())
                .unwrap_or_default(),
            input,
            required,
            max_length: target["maxLength"].as_u64(),
            minimum: target["minimum"].as_i64(),
            maximum: target["maximum"].as_i64(),
            default: schema["default"].as_str().map(String::from),
            options,
            slugs: description.to_lowercase().contains("slugs of"),
            prefixes,
            past: PAST_DATES.contains(&path.as_str()),
            fields,
            path,
        }
    }

    /// The strings file's text for `path` in its table `table`.
    fn overrides(&self, table: &str, path: &str) -> Option<String> {
        let text = self.strings.get(table)?.as_table()?.get(path)?.as_str()?;
        Some(text.to_string())
    }

    fn terms(&self, kind: Kind) -> Vec<Choice> {
        self.vocab
            .terms(kind)
            .iter()
            .map(|t| Choice {
                id: t.id.clone(),
                label: t.label.clone(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::proposal::notes::notes;

    const TEMPLATE: &str = include_str!("../../../../../interventions/_template.toml");

    fn shipped() -> (Vocabularies, Strings) {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
        let vocab = Vocabularies::load(format!("{root}/interventions/_vocabularies.toml")).unwrap();
        let strings: Strings = toml::from_str(
            &std::fs::read_to_string(format!("{root}/site/strings/nl.toml")).unwrap(),
        )
        .unwrap();
        (vocab, strings)
    }

    #[test]
    fn required_fields_come_first_and_vocabularies_become_choices() {
        let (vocab, strings) = shipped();
        let fields = fields(
            methodewijzer::method_schema(),
            &vocab,
            &notes(TEMPLATE),
            &strings,
        );
        let required: Vec<&str> = fields
            .iter()
            .filter(|f| f.required)
            .map(|f| f.key.as_str())
            .collect();
        assert_eq!(
            required,
            [
                "name",
                "summary",
                "themes",
                "target_groups",
                "last_reviewed",
                "aim",
                "approach"
            ]
        );
        assert!(fields.iter().skip(required.len()).all(|f| !f.required));
        let by_key = |k: &str| fields.iter().find(|f| f.key == k).unwrap();
        assert_eq!(by_key("themes").input, Input::Terms);
        assert_eq!(by_key("themes").options.len(), vocab.themes.len());
        assert_eq!(by_key("prevention_level").input, Input::Term);
        assert_eq!(by_key("summary").max_length, Some(300));
        assert_eq!(by_key("aim").input, Input::Long);
        assert!(by_key("related").slugs);
        let sources = by_key("sources");
        assert_eq!(sources.input, Input::Repeat);
        assert_eq!(sources.fields[0].key, "title");
        assert!(sources.fields[0].required);
        let level = &by_key("recognitions")
            .fields
            .iter()
            .find(|f| f.key == "level")
            .unwrap();
        assert_eq!(level.options.len(), vocab.recognition_levels.len());
        // Every field has a Dutch label in the strings file.
        let mut unlabelled = Vec::new();
        let mut stack: Vec<&Field> = fields.iter().collect();
        while let Some(f) = stack.pop() {
            if f.label == f.key {
                unlabelled.push(f.path.clone());
            }
            stack.extend(&f.fields);
        }
        assert!(
            unlabelled.is_empty(),
            "no `proposal_fields` label for {unlabelled:?}"
        );
    }

    #[test]
    fn a_new_field_and_term_appear_without_editing_the_form() {
        let (mut vocab, strings) = shipped();
        vocab.themes.push(methodewijzer::Term {
            id: "nieuw-thema".into(),
            label: "Nieuw thema".into(),
            description: "Een thema dat er net bij kwam.".into(),
            age: None,
        });
        let mut schema = methodewijzer::method_schema().clone();
        schema["properties"]["focus"] = serde_json::json!({
            "description": "Theme ids from the `themes` vocabulary.",
            "type": "array", "items": { "type": "string" }, "minItems": 1,
        });
        schema["required"]
            .as_array_mut()
            .unwrap()
            .push("focus".into());
        let fields = fields(&schema, &vocab, &notes(TEMPLATE), &strings);
        let focus = fields.iter().find(|f| f.key == "focus").unwrap();
        assert!(focus.required && focus.input == Input::Terms);
        assert!(
            focus
                .options
                .iter()
                .any(|o| o.id == "nieuw-thema" && o.label == "Nieuw thema")
        );
    }
}
