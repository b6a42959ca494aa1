//! Parse, compile and lint one in-memory rule file, then render every diagnostic: nothing may
//! panic, whatever the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let rules = factcheck::rules_from_text("fuzz.fc", text);
    let _ = factcheck::diagnostic::render_all(&rules.diagnostics, &rules.sources, false);
    for d in &rules.diagnostics {
        let _ = d.location(&rules.sources);
    }
    let _ = rules.kb.example_coverage();
});
