//! The rule language: syntax trees, the nom parser, the property table, loading files with their
//! includes, and canonical formatting.
//!
//! This module knows nothing of the knowledge base: it turns text into syntax trees and
//! diagnostics. [`crate::kb`] turns syntax trees into facts.

pub mod ast;
pub mod fmt;
pub mod input;
pub mod loader;
pub mod parser;
pub mod schema;

use crate::diagnostic::Diagnostic;
use crate::source::FileId;

/// Parses one file and checks its properties: the syntax tree and every problem found.
pub fn parse_file(file: FileId, text: &str) -> (ast::RuleFile<'_>, Vec<Diagnostic>) {
    let (tree, mut diagnostics) = parser::parse(file, text);
    diagnostics.extend(schema::check(file, &tree));
    (tree, diagnostics)
}
