//! The rule parser on arbitrary bytes: it must never panic, hang or leak, and every diagnostic
//! it reports must point inside the file.
#![no_main]

use factcheck::source::FileId;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (tree, diagnostics) = factcheck::rules::parse_file(FileId(0), text);
    for d in &diagnostics {
        if let Some(l) = &d.primary {
            assert!(l.range.start <= text.len(), "diagnostic outside the file: {d:?}");
        }
    }
    // Every span of the tree lies in the file.
    for st in &tree.statements {
        assert!(st.span.start <= st.span.end && st.span.end as usize <= text.len());
    }
});
