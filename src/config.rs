//! `factcheck.toml`: project defaults for rule paths, report format and the deny list, found
//! from the working directory upward. Flags given on the command line override it.
//!
//! ```toml
//! rules = ["rules", "../shared-rules"]   # relative to this file
//! format = "text"                        # text | json | jsonl | markdown | sarif | junit
//! deny = ["unverified"]                  # also fail the run on unverified claims
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The name of the configuration file.
pub const FILE_NAME: &str = "factcheck.toml";

/// The settings of a `factcheck.toml`.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Rule files or directories, relative to the configuration file.
    #[serde(default)]
    pub rules: Vec<PathBuf>,
    /// The default report format.
    pub format: Option<String>,
    /// Verdicts besides fail that make `check` exit 1 (only `unverified`).
    #[serde(default)]
    pub deny: Vec<String>,
}

/// Why a configuration file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// It could not be read.
    #[error("cannot read {path}: {reason}")]
    Unreadable {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// It is not valid.
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
}

/// A configuration with the directory it was found in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The file.
    pub path: PathBuf,
    /// Its settings, with rule paths made relative to the working directory.
    pub config: Config,
}

/// Finds `factcheck.toml` in `start` or the nearest directory above it, and reads it.
pub fn find(start: &Path) -> Result<Option<Found>, ConfigError> {
    for dir in start.ancestors() {
        let path = dir.join(FILE_NAME);
        if path.is_file() {
            return read(&path).map(Some);
        }
    }
    Ok(None)
}

/// Reads one configuration file.
pub fn read(path: &Path) -> Result<Found, ConfigError> {
    let name = path.display().to_string();
    let text = crate::rules::loader::read_text(path).map_err(|reason| ConfigError::Unreadable {
        path: name.clone(),
        reason,
    })?;
    let mut config: Config = toml::from_str(&text).map_err(|e| {
        let lc = crate::source::line_col(
            &text,
            &crate::source::line_starts(&text),
            e.span().map_or(0, |s| s.start),
        );
        ConfigError::Invalid {
            path: name.clone(),
            line: lc.line,
            column: lc.column,
            message: e.message().trim().to_string(),
        }
    })?;
    if let Some(f) = &config.format
        && !matches!(f.as_str(), "text" | "json" | "jsonl" | "markdown" | "sarif" | "junit")
    {
        return Err(ConfigError::Invalid {
            path: name,
            line: 1,
            column: 1,
            message: format!("unknown format `{f}` (expected text, json, jsonl, markdown, sarif or junit)"),
        });
    }
    for d in &config.deny {
        if d != "unverified" {
            return Err(ConfigError::Invalid {
                path: name,
                line: 1,
                column: 1,
                message: format!("unknown verdict `{d}` in `deny` (only `unverified` can be denied)"),
            });
        }
    }
    let dir = path.parent().unwrap_or(Path::new(""));
    config.rules = config.rules.iter().map(|r| dir.join(r)).collect();
    Ok(Found {
        path: path.to_path_buf(),
        config,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_nearest_file_upward_and_resolves_rule_paths() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            "rules = [\"kb\"]\nformat = \"json\"\ndeny = [\"unverified\"]\n",
        )
        .unwrap();
        let found = find(&nested).unwrap().unwrap();
        assert_eq!(found.config.rules, [dir.path().join("kb")]);
        assert_eq!(found.config.format.as_deref(), Some("json"));
        assert_eq!(found.config.deny, ["unverified"]);
    }

    #[test]
    fn bad_settings_are_located_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "rules = [\"kb\"]\nformta = \"json\"\n").unwrap();
        let e = read(&path).unwrap_err().to_string();
        assert!(e.contains(":2:1:") && e.contains("formta"), "{e}");
        std::fs::write(&path, "format = \"xml\"\n").unwrap();
        assert!(read(&path).unwrap_err().to_string().contains("unknown format `xml`"));
    }
}
