//! Canonical formatting of rule files (`factcheck fmt`).
