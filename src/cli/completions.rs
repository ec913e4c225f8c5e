//! `cto-sim completions SHELL`: the shell's completion script, from clap.

use std::io::{self, Write};

use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

/// The program's name, as the shell calls it.
const BIN: &str = "cto-sim";

/// Write the completion script for `shell`.
pub(super) fn write(shell: Shell, out: &mut dyn Write) -> io::Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), BIN, &mut script);
    if shell == Shell::Bash {
        script = fix_bash(&String::from_utf8_lossy(&script)).into_bytes();
    }
    out.write_all(&script)
}

/// clap_complete's bash script names the state of a subcommand of a
/// hyphenated program two ways: it computes `cto__sim__subcmd__simulate` but
/// labels the case that completes it `cto__subcmd__sim__subcmd__simulate`, so
/// no subcommand's options ever complete. The labels are renamed to what the
/// script computes.
fn fix_bash(script: &str) -> String {
    let computed = format!("{}__", BIN.replace('-', "__"));
    let labelled = format!("{}__", BIN.replace('-', "__subcmd__"));
    script.replace(&labelled, &computed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_the_bash_script_computes_has_its_case() {
        let mut out = Vec::new();
        write(Shell::Bash, &mut out).unwrap();
        let script = String::from_utf8(out).unwrap();
        for computed in script
            .lines()
            .filter_map(|l| l.trim().strip_prefix("cmd=\""))
            .map(|l| l.trim_end_matches('"'))
            .filter(|l| !l.is_empty())
        {
            assert!(
                script.contains(&format!("\n        {computed})\n")),
                "no case for {computed}"
            );
        }
    }
}
