//! Finding and reading rule files: directories, files, and the files they `include`.
//!
//! Loading happens before parsing, so that every file's text is in the [`SourceMap`] before any
//! syntax tree borrows from it. Includes are found by a scan for lines that start with the
//! `include` keyword, which the grammar makes exact: strings end on their line and no property
//! is called `include`. Each file is read once, however it is reached.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use nom::Parser;

use super::ast::Span;
use super::parser::{Input, leading_word_of, string};
use crate::diagnostic::Diagnostic;
use crate::source::{FileId, SourceFile, SourceMap};

/// How rule files are found.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// Let `include` reach files outside the rules roots.
    pub allow_outside_includes: bool,
}

/// One `include` statement and the file it reached.
#[derive(Clone, Debug)]
pub struct Include {
    /// The including file.
    pub from: FileId,
    /// The include statement's path string.
    pub span: Span,
    /// The included file, when it could be read.
    pub to: Option<FileId>,
}

/// Every rule file reached from the given paths, read but not yet parsed.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The texts.
    pub sources: SourceMap,
    /// The rule files in load order (roots in the order given, directory entries in path order,
    /// included files after the file that includes them).
    pub files: Vec<FileId>,
    /// The include statements found.
    pub includes: Vec<Include>,
    /// Problems reading files (missing, unreadable, not UTF-8, outside the root, cycles).
    pub diagnostics: Vec<Diagnostic>,
}

struct Loader {
    opts: LoadOptions,
    loaded: Loaded,
    by_path: HashMap<PathBuf, FileId>,
    roots: Vec<PathBuf>,
}

/// Reads every rule file reachable from `paths` (files, or directories read for `*.fc` below them).
pub fn load(paths: &[PathBuf], opts: &LoadOptions) -> Loaded {
    let mut l = Loader {
        opts: opts.clone(),
        loaded: Loaded::default(),
        by_path: HashMap::new(),
        roots: Vec::new(),
    };
    for p in paths {
        let root = if p.is_dir() {
            p.clone()
        } else {
            p.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        let root = if root.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            root
        };
        if let Ok(c) = root.canonicalize() {
            l.roots.push(c);
        }
    }
    for p in paths {
        l.load_root(p);
    }
    l.check_cycles();
    l.loaded
}

/// Wraps one in-memory text as a loaded rule file (for tests, fuzzing and examples); its
/// includes are not followed.
pub fn from_text(name: &str, text: &str) -> Loaded {
    let mut loaded = Loaded::default();
    let id = loaded
        .sources
        .add(SourceFile::new(PathBuf::from(name), name.to_string(), text.to_string()));
    loaded.files.push(id);
    loaded
}

impl Loader {
    fn error(&mut self, d: Diagnostic) {
        self.loaded.diagnostics.push(d);
    }

    fn load_root(&mut self, path: &Path) {
        match std::fs::metadata(path) {
            Err(e) => self.error(
                Diagnostic::error(
                    "unreadable",
                    format!("cannot read rules `{}`: {}", path.display(), io_reason(&e)),
                )
                .help("give a rule file or a directory of *.fc files with --rules"),
            ),
            Ok(m) if m.is_dir() => {
                let mut files = Vec::new();
                if let Err(e) = walk(path, &mut files) {
                    self.error(Diagnostic::error(
                        "unreadable",
                        format!("cannot read directory `{}`: {}", path.display(), io_reason(&e)),
                    ));
                }
                files.sort();
                if files.is_empty() {
                    self.error(
                        Diagnostic::error("no-rules", format!("`{}` holds no rule files (*.fc)", path.display()))
                            .help("rule files end in .fc"),
                    );
                }
                for f in files {
                    let name = display_name(&f);
                    self.load_file(&f, name);
                }
            }
            Ok(_) => {
                let name = display_name(path);
                self.load_file(path, name);
            }
        }
    }

    /// Reads one file (once) and follows its includes. Returns its id when it could be read.
    fn load_file(&mut self, path: &Path, name: String) -> Option<FileId> {
        let canonical = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        if let Some(&id) = self.by_path.get(&canonical) {
            return Some(id);
        }
        let text = match read_text(path) {
            Ok(t) => t,
            Err(reason) => {
                self.error(Diagnostic::error(
                    "unreadable",
                    format!("cannot read rule file `{name}`: {reason}"),
                ));
                return None;
            }
        };
        let id = self
            .loaded
            .sources
            .add(SourceFile::new(path.to_path_buf(), name.clone(), text));
        self.by_path.insert(canonical, id);
        self.loaded.files.push(id);
        for (span, target) in scan_includes(&self.loaded.sources.get(id).text) {
            let to = self.follow(id, &name, path, span, &target);
            self.loaded.includes.push(Include { from: id, span, to });
        }
        Some(id)
    }

    fn follow(&mut self, from: FileId, from_name: &str, from_path: &Path, span: Span, target: &str) -> Option<FileId> {
        let dir = from_path.parent().unwrap_or(Path::new(""));
        let path = dir.join(target);
        let name_dir = Path::new(from_name).parent().unwrap_or(Path::new(""));
        let name = display_name(&normalize(&name_dir.join(target)));
        let meta = std::fs::metadata(&path);
        match meta {
            Err(e) => {
                self.error(
                    Diagnostic::error(
                        "missing-include",
                        format!("cannot include `{target}`: {}", io_reason(&e)),
                    )
                    .at(from, span.range(), format!("looked for {}", path.display()))
                    .help("include paths are relative to the including file"),
                );
                return None;
            }
            Ok(m) if m.is_dir() => {
                self.error(
                    Diagnostic::error(
                        "missing-include",
                        format!("cannot include `{target}`: it is a directory"),
                    )
                    .at(from, span.range(), "a directory, not a rule file"),
                );
                return None;
            }
            Ok(_) => {}
        }
        if !self.opts.allow_outside_includes {
            let canonical = path.canonicalize().unwrap_or_else(|_| path.clone());
            if !self.roots.iter().any(|r| canonical.starts_with(r)) {
                self.error(
                    Diagnostic::error("include-outside-root", format!("`{target}` is outside the rules root"))
                        .at(from, span.range(), "this include leaves the rules directory")
                        .help("move the file under the rules directory, or pass --allow-outside-includes"),
                );
                return None;
            }
        }
        self.load_file(&path, name)
    }

    /// Reports every include cycle once, at the include that closes it.
    fn check_cycles(&mut self) {
        let n = self.loaded.sources.len();
        // Every FileId of an include was made by this loader's SourceMap, so it is < n, and
        // `edges` and `colour` have n entries: every `get` and `get_mut` below finds its entry.
        let mut edges: Vec<Vec<(FileId, Span)>> = vec![Vec::new(); n];
        for inc in &self.loaded.includes {
            if let Some(to) = inc.to
                && let Some(out) = edges.get_mut(inc.from.0 as usize)
            {
                out.push((to, inc.span));
            }
        }
        // Iterative depth-first search; colour 1 = on the current path, 2 = done.
        let mut colour = vec![0u8; n];
        let mut found = Vec::new();
        for start in 0..n {
            match colour.get_mut(start) {
                Some(c @ 0) => *c = 1,
                _ => continue,
            }
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                if let Some(&(to, span)) = edges.get(node).and_then(|e| e.get(*next)) {
                    *next += 1;
                    let t = to.0 as usize;
                    match colour.get_mut(t) {
                        Some(1) => {
                            // On the current path, so on the stack: the cycle is the stack from `t`.
                            let mut chain: Vec<usize> = stack.iter().map(|(f, _)| *f).skip_while(|&f| f != t).collect();
                            chain.push(t);
                            found.push((FileId(node as u32), span, chain));
                        }
                        Some(c @ 0) => {
                            *c = 1;
                            stack.push((t, 0));
                        }
                        _ => {}
                    }
                } else {
                    if let Some(c) = colour.get_mut(node) {
                        *c = 2;
                    }
                    stack.pop();
                }
            }
        }
        for (file, span, chain) in found {
            let names: Vec<String> = chain
                .iter()
                .map(|&f| self.loaded.sources.get(FileId(f as u32)).name.clone())
                .collect();
            self.error(
                Diagnostic::error("include-cycle", "include cycle")
                    .at(file, span.range(), "this include closes the cycle")
                    .help(format!("the files include each other: {}", names.join(" → "))),
            );
        }
    }
}

/// Reads a file as UTF-8 text, explaining any failure in words.
pub fn read_text(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| io_reason(&e))?;
    if meta.is_dir() {
        return Err("it is a directory".into());
    }
    let bytes = std::fs::read(path).map_err(|e| io_reason(&e))?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let lc = crate::source::line_col_of_prefix(e.as_bytes(), offset);
        // The invalid byte is inside the file, so `get` always finds it.
        let byte = e.as_bytes().get(offset).copied().unwrap_or(0);
        format!(
            "not UTF-8 text (invalid byte 0x{byte:02X} at offset {offset}, line {}, column {})",
            lc.line, lc.column
        )
    })
}

/// An I/O error in words, without the OS error number.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::NotADirectory => "a file, not a directory, stands in its path".into(),
        std::io::ErrorKind::IsADirectory => "it is a directory".into(),
        _ => {
            let s = e.to_string();
            let s = match s.split_once(" (os error") {
                Some((message, _)) => message.to_string(),
                None => s,
            };
            // Messages from the OS start with a capital; ours are lower case.
            let mut chars = s.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => s,
            }
        }
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let ft = entry.file_type()?;
        if ft.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "fc") {
            out.push(path);
        }
    }
    Ok(())
}

/// Removes `.` and folds `..` without touching the file system.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

fn display_name(p: &Path) -> String {
    normalize(p).to_string_lossy().replace('\\', "/")
}

/// Finds the `include "…"` statements of a file by their lines.
///
/// A malformed include is left to the parser, which reports it with the rest of the file's
/// syntax errors, so nothing is said twice.
fn scan_includes(text: &str) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t', '\u{feff}']).len();
        let at = line_start + indent;
        line_start += line.len();
        // `at` is after ASCII blanks or a BOM at a line start, a character boundary: `get`
        // always succeeds.
        if let Some(from_keyword) = text.get(at..)
            && leading_word_of(from_keyword) == "include"
            && let Some(rest) = from_keyword.strip_prefix("include")
        {
            let value = rest.trim_start_matches([' ', '\t']);
            // `value` is the end of `text`: this is its offset.
            let base = text.len() - value.len();
            if let Ok((_, s)) = string.parse(Input::new(value)) {
                let span = Span::new(base + s.span.start as usize, base + s.span.end as usize);
                out.push((span, s.node.into_owned()));
            }
        }
    }
    out
}
