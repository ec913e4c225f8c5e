//! One line of JSON on the output: what `--json` prints.

/// `value` as one line of JSON (the `--json` output of `runs` and `balance`).
pub(super) fn write_json(
    out: &mut dyn std::io::Write,
    value: &impl serde::Serialize,
) -> std::io::Result<()> {
    match serde_json::to_string(value) {
        Ok(line) => writeln!(out, "{line}"),
        Err(e) => {
            let error = serde_json::json!({ "error": format!("cannot write JSON: {e}") });
            writeln!(out, "{error}")
        }
    }
}
