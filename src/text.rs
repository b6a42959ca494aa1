//! Text normalisation shared by the knowledge base, the extractor and the evaluator.
//!
//! Rules and articles write the same thing in different ways: curly or straight quotes and
//! apostrophes, en or em dashes, upper or lower case, "issue" or "issued". The functions here
//! map both sides to one form before they are compared, so that comparison is plain equality.

/// The key a name is indexed under: lower case, straight apostrophes, single spaces.
pub fn name_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        let c = fold_char(c);
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

/// Folds typographic variants to one character: curly quotes and apostrophes to straight ones,
/// dashes to a hyphen, non-breaking spaces to spaces.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' | '\u{200A}' => ' ',
        c => c,
    }
}

/// The words of a quotation, for comparing quotes: lower case, apostrophes straight and kept
/// inside words ("we've"), every other mark dropped. A hyphenated compound gives its parts.
pub fn quote_words(s: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        let c = fold_char(c);
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else if c == '\'' && !cur.is_empty() {
            cur.push('\'');
        } else {
            push_word(&mut words, &mut cur);
        }
    }
    push_word(&mut words, &mut cur);
    words
}

fn push_word(words: &mut Vec<String>, cur: &mut String) {
    while cur.ends_with('\'') {
        cur.pop();
    }
    // "Hamas'" and "Hamas's" are both the possessive of "Hamas".
    if let Some(stripped) = cur.strip_suffix("'s")
        && stripped.ends_with('s')
    {
        cur.truncate(stripped.len());
    }
    if !cur.is_empty() {
        words.push(std::mem::take(cur));
    }
}

/// Whether `s` is the [`stem`] of a determiner ("the", "those", "its"): in an event's alias and
/// in the sentence it is matched against, determiners are interchangeable, so "lifted those
/// sanctions" meets "lifted the sanctions".
pub fn is_determiner_stem(s: &str) -> bool {
    static STEMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    STEMS
        .get_or_init(|| {
            [
                "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her",
            ]
            .iter()
            .map(|d| stem(d))
            .collect()
        })
        .iter()
        .any(|d| d == s)
}

/// A crude English stem, enough to let "issued", "issues" and "issuing" meet "issue":
/// lower case, possessive dropped, then one inflectional suffix removed.
pub fn stem(word: &str) -> String {
    let mut w: String = word.chars().map(fold_char).flat_map(char::to_lowercase).collect();
    for suffix in ["'s", "'"] {
        if let Some(s) = w.strip_suffix(suffix) {
            w = s.to_string();
        }
    }
    if let Some(month) = month_name(&w) {
        return month.to_string();
    }
    let n = w.chars().count();
    if n <= 3 {
        return w;
    }
    let base = if let Some(s) = w.strip_suffix("ies").or_else(|| w.strip_suffix("ied"))
        && n > 4
    {
        format!("{s}y")
    } else if let Some(s) = w.strip_suffix("ing")
        && n > 5
    {
        undouble(s.to_string())
    } else if let Some(s) = w.strip_suffix("ed")
        && n > 4
    {
        undouble(s.to_string())
    } else if let Some(s) = w.strip_suffix("es")
        && n > 4
        && (w.ends_with("sses") || w.ends_with("ches") || w.ends_with("shes") || w.ends_with("xes"))
    {
        s.to_string()
    } else if let Some(s) = w.strip_suffix('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        s.to_string()
    } else {
        w
    };
    // "issue" and "issu(ed)" meet at "issu"; "rejects" and "rejected" at "reject".
    match base.strip_suffix('e') {
        Some(s) if s.chars().count() >= 3 => s.to_string(),
        _ => base,
    }
}

/// The full lower-case month name for a month name or its news abbreviation.
pub fn month_name(w: &str) -> Option<&'static str> {
    MONTHS.get(month_index(w)?).copied()
}

/// The months' names in lower case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month (1–12) of a month name or its news abbreviation ("Oct.", "Sept").
pub fn month_number(w: &str) -> Option<i8> {
    month_index(w).map(|p| p as i8 + 1)
}

/// The index in [`MONTHS`] of a month name or its news abbreviation.
fn month_index(w: &str) -> Option<usize> {
    let w = w.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (m.starts_with(&w) && (w.len() == 3 || w == "sept")))
}

fn undouble(mut w: String) -> String {
    if let &[.., before, last] = w.as_bytes()
        && last == before
        && !matches!(last, b'l' | b's' | b'z')
        && last.is_ascii_alphabetic()
    {
        w.pop();
    }
    w
}

/// Words of `s` for phrase matching (event aliases): split on anything that is not a letter, a
/// digit or an apostrophe, each word stemmed.
pub fn phrase_stems(s: &str) -> Vec<String> {
    quote_words(s).iter().map(|w| stem(w)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_keys_fold_case_quotes_and_space() {
        assert_eq!(name_key("  Israel’s   Defense Minister "), "israel's defense minister");
        assert_eq!(name_key("ICC"), name_key("icc"));
    }

    #[test]
    fn quote_words_ignore_marks() {
        assert_eq!(
            quote_words("“There is no equivalence – none – between Israel and Hamas.”"),
            [
                "there",
                "is",
                "no",
                "equivalence",
                "none",
                "between",
                "israel",
                "and",
                "hamas"
            ]
        );
        assert_eq!(quote_words("we’ve been very clear"), ["we've", "been", "very", "clear"]);
        assert_eq!(quote_words("Hamas’ use"), quote_words("Hamas's use"));
    }

    #[test]
    fn stems_meet_across_inflections() {
        for (a, b) in [
            ("issue", "issued"),
            ("issue", "issuing"),
            ("warrant", "warrants"),
            ("attack", "attacks"),
            ("request", "requested"),
            ("dismiss", "dismissed"),
            ("threaten", "threatened"),
            ("apply", "applies"),
            ("apply", "applied"),
            ("sanction", "sanctions"),
            ("stop", "stopped"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_ne!(stem("war"), stem("warrant"));
        assert_eq!(stem("Netanyahu's"), "netanyahu");
        assert_eq!(stem("Hamas"), stem("Hamas’"));
        assert_eq!(stem("Oct."), stem("October"));
        assert_eq!(stem("Sept"), stem("September"));
        assert_eq!(stem("press"), "press");
    }
}
