use super::*;

fn article(text: &str, format: Format) -> Article {
    Article::from_text("a", text.to_string(), format, None).unwrap()
}

#[test]
fn masking_keeps_offsets_and_hides_markup() {
    let text = "+++\ndate = 2024-11-14\ntitle = \"T\"\n+++\n\n# Head *line*\n\nSee [the ruling](https://x.org/2020-01-01) and `code`.\n";
    let a = article(text, Format::Markdown);
    assert_eq!(a.masked.len(), a.text.len());
    assert_eq!(a.front.date, Some("2024-11-14".parse().unwrap()));
    assert_eq!(a.date, a.front.date);
    assert!(!a.masked.contains("2020"), "{}", a.masked);
    assert!(!a.masked.contains('*') && !a.masked.contains("code") && !a.masked.contains("date ="));
    let heading = &a.paragraphs[0];
    assert!(heading.heading);
    assert_eq!(a.masked[heading.range.clone()].trim(), "Head  line");
    assert_eq!(
        &a.masked[a.paragraphs[1].range.clone()],
        "See  the ruling                            and       ."
    );
}

#[test]
fn ignore_comments_mark_the_next_paragraph() {
    let text = "One.\n\n<!-- factcheck: ignore -->\nTwo.\n\nThree.\n\n<!-- factcheck: ignore -->\n";
    let a = article(text, Format::Markdown);
    let ignored: Vec<bool> = a.paragraphs.iter().map(|p| p.ignored).collect();
    assert_eq!(ignored, [false, true, false]);
    assert_eq!(a.directives.len(), 2);
    assert_eq!(a.directives[0].paragraph, Some(1));
    assert_eq!(a.directives[1].paragraph, None);
}

#[test]
fn front_matter_errors_are_located() {
    let e = Article::from_text("x.md", "+++\ndate = 2024-11-14\n".into(), Format::Markdown, None).unwrap_err();
    assert!(matches!(e, ArticleError::FrontMatter { line: 1, .. }), "{e}");
    let e = Article::from_text("x.md", "+++\ntitle = \n+++\nBody.".into(), Format::Markdown, None).unwrap_err();
    assert!(matches!(e, ArticleError::FrontMatter { line: 2, .. }), "{e}");
    let e = Article::from_text("x.md", "+++\ndate = \"Thursday\"\n+++\n".into(), Format::Markdown, None).unwrap_err();
    assert!(e.to_string().contains("YYYY-MM-DD"), "{e}");
    let ok = Article::from_text(
        "x.md",
        "+++\ndate = \"2024-11-21\"\n+++\n".into(),
        Format::Markdown,
        None,
    )
    .unwrap();
    assert_eq!(ok.date, Some("2024-11-21".parse().unwrap()));
}

#[test]
fn override_date_wins_and_bom_and_crlf_are_blanks() {
    let text = "\u{feff}+++\r\ndate = 2024-11-14\r\n+++\r\nFirst line.\r\n\r\nSecond.\r\n";
    let a = Article::from_text("x.txt", text.into(), Format::Text, Some("2025-01-01".parse().unwrap())).unwrap();
    assert_eq!(a.date, Some("2025-01-01".parse().unwrap()));
    assert_eq!(a.paragraphs.len(), 2);
    assert_eq!(&a.text[a.paragraphs[0].range.clone()], "First line.");
    assert_eq!(a.line_col(a.paragraphs[1].range.start).line, 6);
}

#[test]
fn urls_are_masked_in_plain_text() {
    let a = article("Read https://example.com/2024/11/21/story. Then stop.", Format::Text);
    assert!(!a.masked.contains("2024"));
    assert!(a.masked.ends_with(". Then stop."));
}
