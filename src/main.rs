use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use cto_sim::untrusted::{printable, Printable};

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    // clap exits with 2 on usage errors and 0 for --help/--version.
    let cli = cto_sim::cli::Cli::parse();
    // Not a locked handle: the signal handler and the panic hook must be able to
    // write to the terminal while a command runs. Everything a command prints
    // may quote a file a user handed us, so it goes out escaped.
    let mut out = Printable::new(std::io::stdout());
    let result = cto_sim::cli::run_from(cli, &mut out, started).and_then(|()| Ok(out.flush()?));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`| head`): it has all it wanted.
        Err(e) if e.reader_gone() => ExitCode::SUCCESS,
        Err(cto_sim::cli::CliError::Failed) => ExitCode::from(1),
        Err(e) => {
            // Where stderr is gone too, the exit code still says it failed.
            writeln!(std::io::stderr(), "cto-sim: {}", printable(&e.to_string())).ok();
            ExitCode::from(1)
        }
    }
}
