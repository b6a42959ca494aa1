//! Whatever parses without errors formats to a text that parses to the same meaning (its
//! serialised syntax tree, an empty block counting as none, and its comments), and formatting
//! is idempotent.
#![no_main]

use factcheck::diagnostic::Diagnostic;
use factcheck::rules::fmt::format_source;
use factcheck::rules::parse_file;
use factcheck::source::FileId;
use libfuzzer_sys::fuzz_target;

/// The meaning of a file, as `format_source` sees it (BOM dropped, CRLF made LF).
fn meaning(text: &str) -> Option<(serde_json::Value, Vec<String>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n");
    let (tree, diagnostics) = parse_file(FileId(0), &text);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return None;
    }
    let mut value = serde_json::to_value(&tree).expect("a syntax tree serialises");
    if let Some(statements) = value["statements"].as_array_mut() {
        for st in statements {
            if let Some(st) = st.as_object_mut()
                && st.get("block").is_some_and(|b| b.as_array().is_some_and(Vec::is_empty))
            {
                st.remove("block");
            }
        }
    }
    let mut comments: Vec<String> = factcheck::rules::parser::collect_comments(&text)
        .iter()
        .map(|c| c.text.trim_end().to_string())
        .collect();
    comments.sort();
    Some((value, comments))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(once) = format_source(text) else {
        return;
    };
    let before = meaning(text).expect("format_source formatted a file with errors");
    let Some(after) = meaning(&once) else {
        panic!("the formatted text does not parse:\n{once}");
    };
    assert_eq!(
        before, after,
        "formatting changed the meaning:\n--- input:\n{text}\n--- formatted:\n{once}"
    );
    let twice = format_source(&once);
    assert_eq!(twice.as_deref(), Some(once.as_str()), "formatting is not idempotent");
});
