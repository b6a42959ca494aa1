//! The bad-input table (issue 7): every input a user can get wrong, run through the binary in a
//! temporary directory. Each row snapshots what factcheck prints and checks the contract:
//!
//! - a clear message naming the file, with a line and column where there is one;
//! - exit status 2 for input that cannot be used (0 or 1 for input that is merely strange —
//!   years 0000 and 9999, a 10 MB line, an unclosed quotation, 10,000 aliases — which must
//!   simply work);
//! - nothing half-written: no report on stdout when the input is refused, and `fmt` leaves a
//!   file it cannot parse exactly as it was.
//!
//! Inputs are written by the tests themselves (none is committed; the 10 MB article is made on
//! the fly). Snapshots are in `tests/snapshots/bad_inputs__*.snap`, with the temporary
//! directory shown as `[TMP]`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use insta_cmd::assert_cmd_snapshot;

/// A small, valid knowledge base: the default `rules/` of every row.
const RULES: &str = r#"country "Israel" {
    adjective "Israeli"
    source "https://example.org/israel"
}

office "Minister of Defense of Israel" {
    of "Israel"
    title "Defense Minister"
    exclusive
    source "https://example.org/office"
}

person "Yoav Gallant" {
    aka "Gallant"
    pronoun he
    source "https://example.org/gallant"
}

tenure "Yoav Gallant" "Minister of Defense of Israel" from 2022-12-29 to 2024-11-05 {
    source "https://example.org/tenure"
}
"#;

/// An ordinary article.
const ARTICLE: &str = "Defense Minister Yoav Gallant said on Thursday that the talks would go on.\n";

/// A temporary directory holding `rules/base.fc` and `article.txt`, the working directory of
/// the commands of one row.
struct Dir {
    tmp: tempfile::TempDir,
}

impl Dir {
    fn new() -> Self {
        let tmp = tempfile::tempdir().expect("a temporary directory");
        let dir = Dir { tmp };
        dir.write("rules/base.fc", RULES);
        dir.write("article.txt", ARTICLE);
        dir
    }

    fn path(&self) -> &Path {
        self.tmp.path()
    }

    fn join(&self, name: &str) -> PathBuf {
        self.path().join(name)
    }

    fn write(&self, name: &str, contents: impl AsRef<[u8]>) {
        let path = self.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create directories");
        }
        std::fs::write(path, contents).expect("write a test input");
    }

    fn read(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.join(name)).expect("read a test input")
    }

    /// `factcheck ARGS…` in this directory, without colours.
    fn factcheck(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_factcheck"));
        cmd.args(args)
            .current_dir(self.path())
            .env("NO_COLOR", "1")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("FORCE_COLOR");
        cmd
    }

    /// Insta filters: the temporary directory (as given and canonical) becomes `[TMP]`.
    fn filters(&self) -> Vec<(String, String)> {
        let mut paths = vec![self.path().to_path_buf()];
        if let Ok(canonical) = self.path().canonicalize() {
            paths.insert(0, canonical);
        }
        paths
            .iter()
            .map(|p| (regex_escape(&p.to_string_lossy()), "[TMP]".to_string()))
            .collect()
    }
}

fn regex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Runs `cmd` once for the contract checks: the exit status, every text the output must
/// mention, and (for exit 2) an empty stdout: a refused article or rule set gives no report
/// (`lint` alone prints its one-line summary whatever it found).
fn contract(mut cmd: Command, status: i32, mentions: &[&str]) -> Output {
    let lint = cmd.get_args().next().is_some_and(|a| a == "lint");
    let out = cmd.output().expect("run factcheck");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(status),
        "exit status\n--- stdout\n{stdout}\n--- stderr\n{stderr}"
    );
    let all = format!("{stdout}{stderr}");
    for m in mentions {
        assert!(all.contains(m), "the output does not mention {m:?}\n{all}");
    }
    assert!(!all.contains("panicked"), "a panic:\n{all}");
    if status == 2 && !lint {
        assert!(stdout.trim().is_empty(), "a refused input printed a report:\n{stdout}");
    }
    out
}

/// One row: the contract, then the snapshot of stdout, stderr and the exit status.
macro_rules! row {
    ($dir:expr, $args:expr, $status:expr, $mentions:expr) => {{
        let dir: &Dir = &$dir;
        contract(dir.factcheck(&$args), $status, &$mentions);
        let mut settings = insta::Settings::clone_current();
        for (from, to) in dir.filters() {
            settings.add_filter(&from, to);
        }
        settings.bind(|| {
            assert_cmd_snapshot!(dir.factcheck(&$args));
        });
    }};
}

/// `fmt` refuses the file and leaves it byte for byte as it was.
fn fmt_leaves_alone(dir: &Dir, name: &str) {
    let before = dir.read(name);
    contract(dir.factcheck(&["fmt", name]), 2, &[name]);
    assert_eq!(dir.read(name), before, "fmt changed {name}");
    let leftovers: Vec<String> = std::fs::read_dir(dir.join(name).parent().expect("a parent"))
        .expect("list the directory")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind: {leftovers:?}");
}

// --- Missing files and directories -------------------------------------------------------

#[test]
fn missing_article() {
    let dir = Dir::new();
    row!(dir, ["check", "missing.txt"], 2, ["missing.txt", "no such file"]);
}

#[test]
fn missing_rule_file() {
    let dir = Dir::new();
    row!(
        dir,
        ["check", "article.txt", "--rules", "missing.fc"],
        2,
        ["missing.fc", "no such file"]
    );
}

#[test]
fn missing_include() {
    let dir = Dir::new();
    dir.write("rules/main.fc", "include \"gone.fc\"\n");
    row!(
        dir,
        ["check", "article.txt"],
        2,
        ["rules/main.fc:1:9", "gone.fc", "no such file"]
    );
}

#[test]
fn directory_as_article() {
    let dir = Dir::new();
    std::fs::create_dir(dir.join("story.md")).expect("mkdir");
    row!(dir, ["extract", "story.md"], 2, ["story.md", "is a directory"]);
}

#[test]
fn directory_without_articles() {
    let dir = Dir::new();
    std::fs::create_dir_all(dir.join("drafts/images")).expect("mkdir");
    dir.write("drafts/images/photo.jpg", b"\xff\xd8\xff");
    row!(dir, ["check", "drafts"], 2, ["drafts", "no articles"]);
}

#[test]
fn directory_as_included_rule_file() {
    let dir = Dir::new();
    std::fs::create_dir_all(dir.join("rules/people")).expect("mkdir");
    dir.write("rules/main.fc", "include \"people\"\n");
    row!(
        dir,
        ["check", "article.txt"],
        2,
        ["rules/main.fc:1:9", "people", "is a directory"]
    );
}

#[test]
fn file_as_rules_directory() {
    let dir = Dir::new();
    row!(
        dir,
        ["check", "article.txt", "--rules", "rules/base.fc/"],
        2,
        ["rules/base.fc/"]
    );
}

// --- Empty and comment-only rule files ---------------------------------------------------

#[test]
fn empty_rule_file() {
    let dir = Dir::new();
    dir.write("empty.fc", "");
    row!(
        dir,
        ["check", "article.txt", "--rules", "empty.fc"],
        2,
        ["empty.fc", "no statements"]
    );
}

#[test]
fn comment_only_rule_file() {
    let dir = Dir::new();
    dir.write("comments.fc", "# People of the Israeli cabinet.\n\n# (to do)\n");
    row!(
        dir,
        ["check", "article.txt", "--rules", "comments.fc"],
        2,
        ["comments.fc", "no statements"]
    );
}

#[test]
fn empty_rule_file_beside_others_is_a_warning() {
    let dir = Dir::new();
    dir.write("rules/empty.fc", "# nothing yet\n");
    row!(dir, ["lint"], 0, ["rules/empty.fc", "holds no statements"]);
}

// --- Encodings and binary data -------------------------------------------------------------

#[test]
fn non_utf8_rule_file() {
    let dir = Dir::new();
    // "José" in Latin-1: the é is the byte 0xE9 at offset 25 (line 2, column 12).
    dir.write("latin1.fc", b"person \"Yoav\"\nperson \"Jos\xe9 Garc\xeda\"\n");
    row!(
        dir,
        ["check", "article.txt", "--rules", "latin1.fc"],
        2,
        ["latin1.fc", "not UTF-8", "0xE9 at offset 25", "line 2, column 12"]
    );
}

#[test]
fn binary_rule_file() {
    let dir = Dir::new();
    dir.write("image.fc", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00");
    row!(dir, ["lint", "image.fc"], 2, ["image.fc", "not UTF-8", "offset 0"]);
}

#[test]
fn non_utf8_article() {
    let dir = Dir::new();
    dir.write(
        "latin1.txt",
        b"Defense Minister Yoav Gallant\nsaid caf\xe9 on Thursday.\n",
    );
    row!(
        dir,
        ["check", "latin1.txt"],
        2,
        ["latin1.txt", "not UTF-8", "offset 38", "line 2, column 9"]
    );
}

#[test]
fn binary_article() {
    let dir = Dir::new();
    dir.write("photo.md", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01");
    row!(dir, ["check", "photo.md"], 2, ["photo.md", "not UTF-8", "offset 0"]);
}

#[test]
fn nul_byte_in_rule_file() {
    let dir = Dir::new();
    dir.write("nul.fc", "person \"Yoav\0Gallant\"\n");
    row!(
        dir,
        ["check", "article.txt", "--rules", "nul.fc"],
        2,
        ["nul.fc:1:13", "U+0000"]
    );
}

#[test]
fn nul_byte_between_rule_statements() {
    let dir = Dir::new();
    dir.write("nul.fc", "person \"Yoav Gallant\"\n\0\nperson \"Gallant\"\n");
    row!(dir, ["lint", "nul.fc"], 2, ["nul.fc:2:1", "U+0000"]);
}

#[test]
fn nul_byte_in_article() {
    let dir = Dir::new();
    dir.write("nul.txt", "Defense Minister Yoav Gallant\nsaid\0 on Thursday.\n");
    row!(
        dir,
        ["check", "nul.txt"],
        2,
        ["nul.txt", "NUL byte at offset 34", "line 2, column 5"]
    );
}

// --- Syntax ---------------------------------------------------------------------------------

#[test]
fn unterminated_string() {
    let dir = Dir::new();
    dir.write("rules/bad.fc", "person \"Yoav Gallant {\n    aka \"Gallant\"\n}\n");
    row!(
        dir,
        ["check", "article.txt"],
        2,
        ["rules/bad.fc:1:8", "unterminated string"]
    );
    fmt_leaves_alone(&dir, "rules/bad.fc");
}

#[test]
fn unterminated_block() {
    let dir = Dir::new();
    dir.write(
        "rules/bad.fc",
        "person \"Benjamin Netanyahu\" {\n    aka \"Netanyahu\"\n\nperson \"Isaac Herzog\"\n",
    );
    row!(
        dir,
        ["check", "article.txt"],
        2,
        ["rules/bad.fc:1:29", "unclosed block"]
    );
    fmt_leaves_alone(&dir, "rules/bad.fc");
}

#[test]
fn deeply_nested_blocks() {
    let dir = Dir::new();
    // Blocks do not nest in the grammar: ten thousand braces are one error each line, not ten
    // thousand stack frames.
    let text = format!("person \"Deep\" {}\n{}\n", "{".repeat(10_000), "}".repeat(10_000));
    dir.write("rules/deep.fc", &text);
    row!(dir, ["lint"], 2, ["rules/deep.fc:1:16", "rules/deep.fc:2:2"]);
    fmt_leaves_alone(&dir, "rules/deep.fc");
}

#[test]
fn deeply_nested_brackets_in_an_article() {
    let dir = Dir::new();
    let text = format!(
        "{}{}\n\n{}\n\nDefense Minister Yoav Gallant said on Thursday that it was over.\n",
        "(".repeat(50_000),
        ")".repeat(50_000),
        "[".repeat(50_000)
    );
    dir.write("brackets.md", &text);
    row!(
        dir,
        ["check", "brackets.md", "--date", "2024-11-21"],
        1,
        ["brackets.md:5:1"]
    );
}

// --- Includes -------------------------------------------------------------------------------

#[test]
fn include_cycle() {
    let dir = Dir::new();
    dir.write("rules/a.fc", "include \"b.fc\"\nperson \"A\"\n");
    dir.write("rules/b.fc", "include \"sub/c.fc\"\n");
    dir.write("rules/sub/c.fc", "include \"../a.fc\"\n");
    row!(
        dir,
        ["check", "article.txt"],
        2,
        [
            "rules/sub/c.fc:1:9",
            "include cycle",
            "rules/a.fc → rules/b.fc → rules/sub/c.fc → rules/a.fc"
        ]
    );
}

#[test]
fn include_outside_the_rules_root() {
    let dir = Dir::new();
    dir.write("shared.fc", "person \"Isaac Herzog\"\n");
    dir.write("rules/main.fc", "include \"../shared.fc\"\n");
    row!(
        dir,
        ["check", "article.txt"],
        2,
        [
            "rules/main.fc:1:9",
            "outside the rules root",
            "--allow-outside-includes"
        ]
    );
}

#[test]
fn include_outside_the_rules_root_when_allowed() {
    let dir = Dir::new();
    dir.write("shared.fc", "person \"Isaac Herzog\"\n");
    dir.write("rules/main.fc", "include \"../shared.fc\"\n");
    row!(
        dir,
        [
            "check",
            "article.txt",
            "--allow-outside-includes",
            "--date",
            "2024-11-21"
        ],
        1,
        ["article.txt"]
    );
}

// --- Front matter -----------------------------------------------------------------------------

#[test]
fn unterminated_front_matter() {
    let dir = Dir::new();
    dir.write(
        "story.md",
        "+++\ntitle = \"Talks\"\ndate = 2024-11-21\n\nDefense Minister Yoav Gallant said on Thursday.\n",
    );
    row!(dir, ["check", "story.md"], 2, ["story.md:1:1", "never closed"]);
}

#[test]
fn invalid_front_matter() {
    let dir = Dir::new();
    dir.write(
        "story.md",
        "+++\ntitle = \"Talks\"\ndate = 2024-11-21\nauthor = Jane Doe\n+++\n\nDefense Minister Yoav Gallant said on Thursday.\n",
    );
    row!(dir, ["check", "story.md"], 2, ["story.md:4:10"]);
}

#[test]
fn impossible_date_in_front_matter() {
    let dir = Dir::new();
    dir.write(
        "story.md",
        "+++\ndate = 2024-02-30\n+++\n\nDefense Minister Yoav Gallant said on Thursday.\n",
    );
    row!(dir, ["check", "story.md"], 2, ["story.md:2:8"]);
}

// --- Dates ----------------------------------------------------------------------------------

#[test]
fn malformed_date_flag() {
    let dir = Dir::new();
    row!(
        dir,
        ["check", "article.txt", "--date", "21/11/2024"],
        2,
        ["--date", "21/11/2024", "YYYY-MM-DD"]
    );
}

#[test]
fn date_flag_without_a_day() {
    let dir = Dir::new();
    row!(
        dir,
        ["check", "article.txt", "--date", "2024-11"],
        2,
        ["--date", "2024-11", "give a day"]
    );
}

#[test]
fn impossible_date_flag() {
    let dir = Dir::new();
    row!(
        dir,
        ["check", "article.txt", "--date", "2024-02-30"],
        2,
        ["--date", "2024-02-30", "no day 30"]
    );
}

#[test]
fn impossible_date_in_rule_file() {
    let dir = Dir::new();
    dir.write(
        "rules/events.fc",
        "event \"Talks\" on 2024-02-30 {\n    source \"https://example.org\"\n}\n",
    );
    row!(
        dir,
        ["check", "article.txt"],
        2,
        ["rules/events.fc:1:18", "2024-02-30", "no day 30"]
    );
}

#[test]
fn year_10000_in_date_flag() {
    let dir = Dir::new();
    row!(
        dir,
        ["check", "article.txt", "--date", "10000-01-01"],
        2,
        ["--date", "10000-01-01"]
    );
}

/// Years 0000 and 9999 are in range: they work, and relative dates that would leave the
/// calendar ("yesterday" on 0000-01-01, "next week" in late 9999) are unverified, not wrong.
const EDGE_ARTICLE: &str = "Defense Minister Yoav Gallant said yesterday that talks would resume tomorrow, \
                            and last week, next week, last year and next year.\n";

#[test]
fn year_0000_in_date_flag() {
    let dir = Dir::new();
    dir.write("edge.txt", EDGE_ARTICLE);
    row!(dir, ["extract", "edge.txt", "--date", "0000-01-01"], 0, ["edge.txt"]);
}

#[test]
fn year_9999_in_date_flag() {
    let dir = Dir::new();
    dir.write("edge.txt", EDGE_ARTICLE);
    row!(dir, ["extract", "edge.txt", "--date", "9999-12-31"], 0, ["edge.txt"]);
}

#[test]
fn years_0000_and_9999_in_rule_files() {
    let dir = Dir::new();
    dir.write(
        "rules/edges.fc",
        "office \"Keeper\" {\n    of \"Israel\"\n    exclusive\n    source \"s\"\n}\n\n\
         person \"Ada\" {\n    source \"s\"\n}\n\n\
         tenure \"Ada\" \"Keeper\" from 0000 to 9999-12-31 {\n    source \"s\"\n}\n\n\
         event \"Founding\" on 0000-01-01 {\n    source \"s\"\n}\n\n\
         event \"Ending\" from 9999-12 to 9999-12-31 {\n    source \"s\"\n}\n",
    );
    dir.write("ada.txt", "Keeper Ada spoke on Thursday.\n");
    contract(dir.factcheck(&["lint"]), 0, &["2 people"]);
    row!(dir, ["check", "ada.txt", "--date", "9999-12-31"], 0, ["ada.txt"]);
}

// --- Size -----------------------------------------------------------------------------------

#[test]
fn ten_megabyte_single_line_article() {
    let dir = Dir::new();
    let head = "Defense Minister Yoav Gallant said on Thursday that the talks would go on. ";
    let filler = "Residents walked along the river, and the shops opened late; ";
    let size = 10 * 1024 * 1024;
    let mut text = String::with_capacity(size);
    text.push_str(head);
    while text.len() + filler.len() + head.len() < size {
        text.push_str(filler);
    }
    text.push_str(head.trim_end());
    assert!(!text.contains('\n'));
    dir.write("big.txt", &text);
    // Run once (the snapshot holds the exit status and the claims' places).
    let mut settings = insta::Settings::clone_current();
    for (from, to) in dir.filters() {
        settings.add_filter(&from, to);
    }
    settings.bind(|| {
        assert_cmd_snapshot!(dir.factcheck(&["check", "big.txt", "--date", "2024-11-21"]));
    });
}

#[test]
fn quote_with_no_closing_mark() {
    let dir = Dir::new();
    dir.write(
        "quote.txt",
        "Defense Minister Yoav Gallant said: “We will not stop until every hostage is home.\n\n\
         The talks resumed on Thursday.\n",
    );
    row!(dir, ["extract", "quote.txt"], 0, ["quote.txt:1:38"]);
}

#[test]
fn ten_thousand_aliases_on_one_person() {
    let dir = Dir::new();
    let aliases: Vec<String> = (0..10_000).map(|n| format!("\"Yoav {n}\"")).collect();
    dir.write(
        "rules/aliases.fc",
        format!("person \"Yoav G.\" {{\n    aka {}\n}}\n", aliases.join(", ")),
    );
    dir.write(
        "aliases.txt",
        "Yoav 9999 and Yoav 17 met Defense Minister Yoav Gallant on Thursday.\n",
    );
    contract(dir.factcheck(&["lint"]), 0, &["2 people"]);
    row!(
        dir,
        ["check", "aliases.txt", "--date", "2024-11-21"],
        1,
        ["aliases.txt:1:"]
    );
}
