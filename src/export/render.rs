//! `newsgraph render GRAPH -o OUT.svg|OUT.png|OUT.pdf`: the DOT of the
//! (optionally cut down) graph, laid out and drawn by Graphviz's `dot`.
//!
//! `dot` runs as a child process reading the DOT on its standard input; its
//! image is taken from its standard output and written atomically, so a
//! failed layout never leaves a broken image behind.

use super::{dot, select, write_atomically};
use crate::cli::RenderArgs;
use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// What to tell a user whose machine has no Graphviz.
pub const DOT_MISSING: &str =
    "Graphviz's `dot` was not found on PATH; install it (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)";

/// The image formats `render` writes, by file extension (also `dot -T` names).
const IMAGE_FORMATS: [&str; 3] = ["svg", "png", "pdf"];

/// `newsgraph render`.
pub fn run_render(args: &RenderArgs) -> Result<()> {
    let image_format = image_format(&args.out)?;
    let graph = crate::graph::query::read_graph(&args.graph)?;
    let selected = select::select(&graph, &args.draw)?;
    let image = run_dot(&dot::to_dot(&selected), image_format)?;
    write_atomically(&args.out, &image)?;
    eprintln!(
        "newsgraph: drew {} entities and {} relations to {}",
        selected.graph.node_count(),
        selected.graph.edge_count(),
        args.out.display()
    );
    Ok(())
}

/// The `dot -T` format for an output path, from its extension.
fn image_format(out: &Path) -> Result<&'static str> {
    let extension = out.extension().and_then(|extension| extension.to_str()).unwrap_or("").to_ascii_lowercase();
    IMAGE_FORMATS.into_iter().find(|format| *format == extension).ok_or_else(|| {
        Error::Usage(format!(
            "{}: cannot tell the image format from the extension '{extension}'; use one of: .{}",
            out.display(),
            IMAGE_FORMATS.join(", .")
        ))
    })
}

/// Runs `dot -T{image_format}` on `dot_text` and returns the image bytes.
/// Graphviz's warnings are passed on; a failure carries its stderr.
pub fn run_dot(dot_text: &str, image_format: &str) -> Result<Vec<u8>> {
    let external = |message: String| Error::External { what: "Graphviz `dot`".into(), message };
    let mut child = Command::new("dot")
        .arg(format!("-T{image_format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| match error.kind() {
            std::io::ErrorKind::NotFound => external(DOT_MISSING.into()),
            _ => external(format!("cannot start it: {error}")),
        })?;
    // Feed the input from a thread: `dot` may fill its stderr pipe before it
    // has read all of its input, and both sides would wait for ever.
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = dot_text.as_bytes().to_vec();
    let feeder = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().map_err(|error| external(format!("cannot read its output: {error}")))?;
    let fed = feeder.join().expect("the input thread does not panic");
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(external(format!("failed ({}): {}", output.status, stderr.trim())));
    }
    fed.map_err(|error| external(format!("cannot send it the graph: {error}")))?;
    for line in stderr.lines().filter(|line| !line.trim().is_empty()) {
        eprintln!("newsgraph: Graphviz: {line}");
    }
    Ok(output.stdout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_formats_from_extensions() {
        for (path, expected) in
            [("a.svg", Ok("svg")), ("dir/B.PNG", Ok("png")), ("c.pdf", Ok("pdf")), ("d.jpg", Err("'jpg'")), ("e", Err("''"))]
        {
            match (image_format(Path::new(path)), expected) {
                (Ok(format), Ok(wanted)) => assert_eq!(format, wanted),
                (Err(error), Err(wanted)) => {
                    let message = error.to_string();
                    assert!(message.contains(wanted) && message.contains("use one of: .svg, .png, .pdf"), "{message}");
                }
                (got, wanted) => panic!("{path}: got {got:?}, wanted {wanted:?}"),
            }
        }
    }
}
