//! Every `fc` example in docs/rules.md must parse without a diagnostic, so the document cannot
//! drift from the parser.

use factcheck::rules::parse_file;
use factcheck::source::FileId;

fn fc_blocks(doc: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (n, line) in doc.lines().enumerate() {
        let trimmed = line.trim_start();
        match &mut current {
            None if trimmed == "```fc" => current = Some((n + 1, String::new())),
            Some(_) if trimmed == "```" => blocks.push(current.take().unwrap()),
            Some((_, text)) => {
                // Blocks may be indented inside a list item; remove that indentation.
                let indent = line.len() - trimmed.len();
                text.push_str(&line[indent.min(line.len() - line.trim_start().len())..]);
                text.push('\n');
            }
            None => {}
        }
    }
    blocks
}

#[test]
fn every_rules_md_example_parses_cleanly() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md")).unwrap();
    let blocks = fc_blocks(&doc);
    assert!(
        blocks.len() >= 12,
        "expected an example of every statement, found {} blocks",
        blocks.len()
    );
    for (line, text) in &blocks {
        let (tree, diagnostics) = parse_file(FileId(0), text);
        assert!(diagnostics.is_empty(), "docs/rules.md:{line}: {diagnostics:#?}\n{text}");
        assert!(!tree.statements.is_empty(), "docs/rules.md:{line}: no statement parsed");
    }
    // Every statement keyword is shown at least once.
    let all: String = blocks.iter().map(|(_, t)| t.as_str()).collect();
    for kw in [
        "include",
        "country",
        "organization",
        "person",
        "office",
        "tenure",
        "elect",
        "acting",
        "event",
        "quote",
        "example",
    ] {
        assert!(all.contains(&format!("{kw} ")), "docs/rules.md shows no `{kw}`");
    }
}
