//! `factcheck fmt`: a snapshot of a messy file, the docs' and the rules' examples, and a property
//! test over random well-formed rule files. Everywhere, formatting must be idempotent and must not
//! change the file's meaning (its serialised syntax tree and its comments).

use factcheck::diagnostic::Diagnostic;
use factcheck::rules::fmt::format_source;
use factcheck::rules::parse_file;
use factcheck::source::FileId;
use proptest::collection::vec;
use proptest::prelude::*;

/// The meaning of a file: its serialised syntax tree and the sorted texts of its comments.
///
/// An empty block means nothing and `fmt` drops it, but the tree serialises it as `"block": []`;
/// it is removed here so that `{}` and no block compare equal.
fn meaning(text: &str) -> (serde_json::Value, Vec<String>) {
    let (tree, diagnostics) = parse_file(FileId(0), text);
    assert!(
        !diagnostics.iter().any(Diagnostic::is_error),
        "{diagnostics:#?}\n{text}"
    );
    let mut value = serde_json::to_value(&tree).unwrap();
    for st in value["statements"].as_array_mut().unwrap() {
        let st = st.as_object_mut().unwrap();
        if st.get("block").is_some_and(|b| b.as_array().is_some_and(Vec::is_empty)) {
            st.remove("block");
        }
    }
    let mut comments: Vec<String> = factcheck::rules::parser::collect_comments(text)
        .iter()
        .map(|c| c.text.trim_end().to_string())
        .collect();
    comments.sort();
    (value, comments)
}

/// Why `text` does not round-trip through `fmt`, if it does not.
fn round_trip_problem(text: &str) -> Option<String> {
    let Some(once) = format_source(text) else {
        return Some("format_source refused a file that parses without errors".into());
    };
    let twice = format_source(&once);
    if twice.as_deref() != Some(once.as_str()) {
        return Some(format!(
            "not idempotent\n--- once:\n{once}\n--- twice:\n{}",
            twice.unwrap_or_default()
        ));
    }
    let (before, after) = (meaning(text), meaning(&once));
    if before != after {
        return Some(format!(
            "meaning changed\n--- formatted:\n{once}\n--- before: {before:#?}\n--- after: {after:#?}"
        ));
    }
    if once.lines().any(|l| l.ends_with([' ', '\t']))
        || (!once.is_empty() && !once.ends_with('\n'))
        || once.ends_with("\n\n")
    {
        return Some(format!("bad whitespace\n{once}"));
    }
    None
}

fn parses_cleanly(text: &str) -> bool {
    !parse_file(FileId(0), text).1.iter().any(Diagnostic::is_error)
}

#[test]
fn messy_file_snapshot() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fmt/messy.fc")).unwrap();
    assert_eq!(round_trip_problem(&text), None);
    insta::assert_snapshot!("messy", format_source(&text).unwrap());
}

/// The `fc` code blocks of a Markdown page, with their line numbers.
fn fc_blocks(doc: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, usize, String)> = None;
    for (n, line) in doc.lines().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        match &mut current {
            None if trimmed == "```fc" => current = Some((n + 1, indent, String::new())),
            Some(_) if trimmed == "```" => {
                let (line, _, text) = current.take().unwrap();
                blocks.push((line, text));
            }
            Some((_, fence, text)) => {
                text.push_str(&line[indent.min(*fence)..]);
                text.push('\n');
            }
            None => {}
        }
    }
    blocks
}

#[test]
fn docs_examples_round_trip() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md")).unwrap();
    let blocks = fc_blocks(&doc);
    assert!(!blocks.is_empty());
    for (line, text) in &blocks {
        assert!(parses_cleanly(text), "docs/rules.md:{line} does not parse");
        if let Some(problem) = round_trip_problem(text) {
            panic!("docs/rules.md:{line}: {problem}");
        }
    }
}

#[test]
fn docs_examples_are_canonical() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md")).unwrap();
    for (line, text) in fc_blocks(&doc) {
        assert_eq!(
            format_source(&text).as_deref(),
            Some(text.as_str()),
            "docs/rules.md:{line} is not in canonical form"
        );
    }
}

/// Every `rules/*.fc` that parses must round-trip; files with errors are skipped (someone may be
/// editing them), and listed.
#[test]
fn rule_files_round_trip() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "fc"))
        .collect();
    paths.sort();
    let mut problems = Vec::new();
    for path in paths {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        if !parses_cleanly(&text) {
            eprintln!("skipped {} (it has errors)", path.display());
            continue;
        }
        if let Some(problem) = round_trip_problem(&text) {
            problems.push(format!("{}: {problem}", path.display()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

// ---------------------------------------------------------------------------------------------
// Random well-formed rule files.

/// A value as the generator knows it.
#[derive(Clone, Debug)]
enum Val {
    /// Adjacent strings (joined with a space by the parser).
    Text(Vec<String>),
    Date(String),
    Word(String),
    Example(String, &'static str, String),
}

/// What values a property takes, as in `schema.rs`.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Flag,
    Text,
    Word,
    Pronoun,
    Wikidata,
    Date,
    Example,
}

/// (name, kind, may repeat).
type Spec = (&'static str, Kind, bool);

fn specs(keyword: &str) -> &'static [Spec] {
    use Kind::*;
    match keyword {
        "country" => &[
            ("aka", Text, true),
            ("adjective", Text, true),
            ("possessive", Text, true),
            ("wikidata", Wikidata, false),
            ("source", Text, true),
            ("note", Text, true),
        ],
        "organization" | "organisation" => &[
            ("aka", Text, true),
            ("kind", Word, false),
            ("adjective", Text, true),
            ("of", Text, false),
            ("wikidata", Wikidata, false),
            ("source", Text, true),
            ("note", Text, true),
        ],
        "person" => &[
            ("aka", Text, true),
            ("wikidata", Wikidata, false),
            ("pronoun", Pronoun, false),
            ("source", Text, true),
            ("note", Text, true),
        ],
        "office" => &[
            ("of", Text, false),
            ("title", Text, true),
            ("aka", Text, true),
            ("exclusive", Flag, false),
            ("open", Flag, false),
            ("source", Text, true),
            ("note", Text, true),
        ],
        "tenure" | "elect" | "acting" => &[("source", Text, true), ("note", Text, true), ("example", Example, true)],
        "event" => &[
            ("aka", Text, true),
            ("alternative", Date, true),
            ("source", Text, true),
            ("note", Text, true),
            ("example", Example, true),
        ],
        "quote" => &[
            ("text", Text, false),
            ("variant", Text, true),
            ("source", Text, true),
            ("note", Text, true),
            ("example", Example, true),
        ],
        _ => &[],
    }
}

/// The raw material of one property; the statement's keyword decides which parts are used.
#[derive(Clone, Debug)]
struct RawProp {
    spec: usize,
    texts: Vec<Vec<String>>,
    dates: Vec<String>,
    examples: Vec<(String, &'static str, String)>,
    word: String,
    wikidata: String,
    pronoun: &'static str,
}

#[derive(Clone, Debug)]
struct Prop {
    name: &'static str,
    values: Vec<Val>,
}

/// A header token and what may stand before it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Sep {
    /// Nothing: the first token.
    Start,
    /// Whitespace, newlines and comments (`sp`); perhaps nothing.
    Any,
    /// Whitespace, newlines and comments, at least one character.
    AnySome,
    /// Spaces and tabs, at least one.
    Blank,
}

#[derive(Clone, Debug)]
struct Stmt {
    head: Vec<(Sep, String)>,
    block: Option<Vec<Prop>>,
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A name or short string: quotes, backslashes, `#`, braces and non-ASCII included.
fn name() -> impl Strategy<Value = String> {
    r#"[a-zA-Z0-9 "\\#{}'.é”“–中😀\t]{0,20}"#
}

/// A short text that is not blank.
fn short_text() -> impl Strategy<Value = String> {
    r#"[a-zA-Z"\\é中][a-zA-Z0-9 "\\#{}'.,!?é–😀]{0,30}"#
}

/// A long text of sentences, for splitting.
fn long_text() -> impl Strategy<Value = String> {
    let sentence = r#"[A-Z"“][a-z]{1,8}( [a-z"\\é,–]{1,12}){2,14}[.?!…]["”)]?"#;
    vec(sentence, 1..7).prop_map(|s| s.join(" "))
}

/// A text value written as one or more adjacent strings.
fn text_value() -> impl Strategy<Value = Vec<String>> {
    (
        prop_oneof![short_text(), long_text()],
        vec(prop_oneof![name(), long_text()], 0..3),
    )
        .prop_map(|(first, rest)| std::iter::once(first).chain(rest).collect())
}

fn date() -> impl Strategy<Value = String> {
    (0..=9999u32, 1..=12u32, 1..=28u32, 0..3u8).prop_map(|(y, m, d, p)| match p {
        0 => format!("{y:04}"),
        1 => format!("{y:04}-{m:02}"),
        _ => format!("{y:04}-{m:02}-{d:02}"),
    })
}

fn bound() -> impl Strategy<Value = Vec<(Sep, String)>> {
    prop_oneof![
        date().prop_map(|d| vec![(Sep::Blank, d)]),
        date().prop_map(|d| vec![(Sep::Blank, "before".into()), (Sep::Blank, d)]),
        date().prop_map(|d| vec![(Sep::Blank, "after".into()), (Sep::Blank, d)]),
        Just(vec![(Sep::Blank, "unknown".to_string())]),
    ]
}

fn raw_prop() -> impl Strategy<Value = RawProp> {
    let verdict = prop_oneof![Just("pass"), Just("fail"), Just("unverified")];
    (
        0..8usize,
        vec(text_value(), 1..4),
        vec(date(), 1..4),
        vec((date(), verdict, short_text()), 1..3),
        "[a-z][a-z0-9_-]{0,8}",
        "Q[0-9]{1,8}",
        prop_oneof![Just("he"), Just("she"), Just("they")],
    )
        .prop_map(|(spec, texts, dates, examples, word, wikidata, pronoun)| RawProp {
            spec,
            texts,
            dates,
            examples,
            word,
            wikidata,
            pronoun,
        })
}

/// The properties of a block of a `keyword` statement, valid for the property table.
fn props(keyword: &str, raw: Vec<RawProp>) -> Vec<Prop> {
    let specs = specs(keyword);
    let mut seen = Vec::new();
    let mut props = Vec::new();
    for r in &raw {
        let (name, kind, many) = specs[r.spec % specs.len()];
        if !many {
            if seen.contains(&name) {
                continue;
            }
            seen.push(name);
        }
        let n = if many { usize::MAX } else { 1 };
        let values = match kind {
            Kind::Flag => vec![],
            Kind::Text => r.texts.iter().take(n).cloned().map(Val::Text).collect(),
            Kind::Word => vec![Val::Word(r.word.clone())],
            Kind::Pronoun => vec![Val::Word(r.pronoun.to_string())],
            Kind::Wikidata => vec![Val::Word(r.wikidata.clone())],
            Kind::Date => r.dates.iter().cloned().map(Val::Date).collect(),
            Kind::Example => r
                .examples
                .iter()
                .map(|(d, v, s)| Val::Example(d.clone(), v, s.clone()))
                .collect(),
        };
        props.push(Prop { name, values });
    }
    if keyword == "quote" && !seen.contains(&"text") {
        let at = raw.first().map_or(0, |r| r.spec) % (props.len() + 1);
        let text = raw
            .first()
            .map_or_else(|| vec!["Words.".to_string()], |r| r.texts[0].clone());
        props.insert(
            at,
            Prop {
                name: "text",
                values: vec![Val::Text(text)],
            },
        );
    }
    props
}

fn statement() -> impl Strategy<Value = Stmt> {
    let keywords = prop_oneof![
        Just("include"),
        Just("country"),
        Just("organization"),
        Just("organisation"),
        Just("person"),
        Just("office"),
        Just("tenure"),
        Just("elect"),
        Just("acting"),
        Just("event"),
        Just("quote"),
    ];
    let delivery = prop_oneof![Just("said"), Just("wrote"), Just("statement"), Just("post")];
    (
        keywords,
        (name(), name()),
        (bound(), proptest::option::of(bound())),
        (date(), date(), any::<bool>()),
        delivery,
        proptest::option::of(vec(raw_prop(), 0..6)),
    )
        .prop_map(|(kw, (a, b), (from, to), (d1, d2, range), delivery, raw)| {
            let mut head = vec![(Sep::Start, kw.to_string()), (Sep::Any, quoted(&a))];
            match kw {
                "tenure" | "elect" | "acting" => {
                    head.push((Sep::Any, quoted(&b)));
                    head.push((Sep::AnySome, "from".into()));
                    head.extend(from);
                    if let Some(to) = to {
                        head.push((Sep::AnySome, "to".into()));
                        head.extend(to);
                    }
                }
                "event" if range => head.extend([
                    (Sep::AnySome, "from".into()),
                    (Sep::Blank, d1),
                    (Sep::AnySome, "to".into()),
                    (Sep::Blank, d2),
                ]),
                "event" => head.extend([(Sep::AnySome, "on".into()), (Sep::Blank, d1)]),
                "quote" => head.extend([
                    (Sep::AnySome, "on".into()),
                    (Sep::Blank, d1),
                    (Sep::AnySome, delivery.into()),
                ]),
                _ => {}
            }
            let block = match (kw, raw) {
                ("include", _) => None,
                ("quote", raw) => Some(props(kw, raw.unwrap_or_default())),
                (_, raw) => raw.map(|raw| props(kw, raw)),
            };
            Stmt { head, block }
        })
}

/// Layout choices, consumed in turn (and cyclically) while a file is written.
#[derive(Clone, Debug)]
struct Layout {
    choices: Vec<u8>,
    comments: Vec<String>,
    bom: bool,
    crlf: bool,
}

struct Writer<'l> {
    layout: &'l Layout,
    at: usize,
    comment: usize,
    out: String,
}

impl Writer<'_> {
    fn pick<'a>(&mut self, options: &[&'a str]) -> &'a str {
        let c = self.layout.choices[self.at % self.layout.choices.len()];
        self.at += 1;
        options[c as usize % options.len()]
    }

    fn comment(&mut self) -> String {
        let c = &self.layout.comments[self.comment % self.layout.comments.len()];
        self.comment += 1;
        format!("#{c}")
    }

    /// Writes a layout template: `C` is a comment, everything else is literal.
    fn emit(&mut self, template: &str) {
        for ch in template.chars() {
            if ch == 'C' {
                let c = self.comment();
                self.out.push_str(&c);
            } else {
                self.out.push(ch);
            }
        }
    }

    fn sep(&mut self, sep: Sep) {
        let t = match sep {
            Sep::Start => "",
            Sep::Any => self.pick(&["", " ", "  ", "\t", "\n  ", " C\n", "\nC\n\t", "\n\n "]),
            Sep::AnySome => self.pick(&[" ", " ", "  ", "\t", "\n  ", " C\n  ", "\nC\n", "\n\n "]),
            Sep::Blank => self.pick(&[" ", " ", "  ", "\t", " \t "]),
        };
        self.emit(t);
    }

    /// The end of a line that holds a statement or property, with what may follow it.
    fn line_end(&mut self) {
        let t = self.pick(&[
            "\n",
            "\n",
            "   \n",
            " C\n",
            "\n\n",
            "\nC\n",
            "\t C\n\n\n",
            "\n  C\n\nC\n",
        ]);
        self.emit(t);
    }

    fn indent(&mut self) {
        let t = self.pick(&["", "    ", "    ", "  ", "\t", "        "]);
        self.emit(t);
    }

    fn value(&mut self, property: &str, v: &Val) {
        match v {
            Val::Text(parts) => {
                let continues = matches!(property, "text" | "variant" | "note");
                let n = if continues { parts.len() } else { 1 };
                for (k, part) in parts[..n].iter().enumerate() {
                    if k > 0 {
                        self.sep(Sep::Any);
                    }
                    self.out.push_str(&quoted(part));
                }
            }
            Val::Date(d) => self.out.push_str(d),
            Val::Word(w) => self.out.push_str(w),
            Val::Example(d, verdict, s) => {
                self.out.push_str(d);
                self.sep(Sep::Blank);
                self.out.push_str(verdict);
                self.sep(Sep::Blank);
                self.out.push_str(&quoted(s));
            }
        }
    }

    fn property(&mut self, p: &Prop) {
        self.out.push_str(p.name);
        for (k, v) in p.values.iter().enumerate() {
            if k == 0 {
                self.sep(Sep::Blank);
            } else {
                let before = self.pick(&["", " ", "\t"]);
                self.out.push_str(before);
                self.out.push(',');
                self.sep(Sep::Any);
            }
            self.value(p.name, v);
        }
    }

    fn statement(&mut self, st: &Stmt) {
        self.indent();
        for (sep, tok) in &st.head {
            self.sep(*sep);
            self.out.push_str(tok);
        }
        if let Some(props) = &st.block {
            self.sep(Sep::Any);
            self.out.push('{');
            for (k, p) in props.iter().enumerate() {
                if k == 0 {
                    let t = self.pick(&["\n", " ", "", " C\n", "\n\nC\n", "\n"]);
                    self.emit(t);
                } else {
                    self.line_end();
                }
                self.indent();
                self.property(p);
            }
            if props.is_empty() {
                self.sep(Sep::Any);
            } else {
                let t = self.pick(&["\n", "\n", " ", "", "\nC\n", " C\n"]);
                self.emit(t);
            }
            self.indent();
            self.out.push('}');
        }
        self.line_end();
    }
}

fn layout() -> impl Strategy<Value = Layout> {
    (
        vec(any::<u8>(), 16..96),
        vec(r#"[a-zA-Z0-9 "\\#{}'.é中\t-]{0,24}"#, 1..6),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(choices, comments, bom, crlf)| Layout {
            choices,
            comments,
            bom,
            crlf,
        })
}

fn write_file(statements: &[Stmt], layout: &Layout) -> String {
    let mut w = Writer {
        layout,
        at: 0,
        comment: 0,
        out: String::new(),
    };
    let t = w.pick(&["", "", "\n\n", "C\n", "C\n\nC\n\n\n"]);
    w.emit(t);
    for st in statements {
        w.statement(st);
    }
    let t = w.pick(&["", "", "\n\n", "C\n", "C", "\n\nC\n\n"]);
    w.emit(t);
    let mut text = w.out;
    if layout.crlf {
        text = text.replace('\n', "\r\n");
    }
    if layout.bom {
        text.insert(0, '\u{feff}');
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn formatting_is_idempotent_and_keeps_meaning(statements in vec(statement(), 0..8), layout in layout()) {
        let text = write_file(&statements, &layout);
        let (_, diagnostics) = parse_file(FileId(0), &text);
        prop_assert!(!diagnostics.iter().any(Diagnostic::is_error), "generated a bad file: {diagnostics:#?}\n{text}");
        let problem = round_trip_problem(&text);
        prop_assert!(problem.is_none(), "{}\n--- input:\n{text}", problem.unwrap_or_default());
    }
}
