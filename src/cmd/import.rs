//! `kertomus import FILE`: turn last term's report (.docx or .odt) into a new document folder
//! of the site, and say what was written, what was left out and what needs a person.

use super::Ui;
use kertomus::import::{import, ImportOptions, Outcome};
use kertomus::msg;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Turn a Word or OpenDocument text (.docx, .odt) into a new document folder of the site.
#[derive(Debug, clap::Args)]
pub(crate) struct ImportArgs {
    /// The .docx or .odt file to import.
    file: PathBuf,
    /// The site folder, holding content/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: PathBuf,
    /// The document folder to write, inside content/ (default: content/ and the document's title as a name).
    #[arg(long, value_name = "DIR")]
    into: Option<PathBuf>,
    /// Replace the folder if it exists.
    #[arg(long)]
    force: bool,
}

pub(crate) fn run(args: &ImportArgs, ui: &Ui) -> ExitCode {
    let opts = ImportOptions {
        file: args.file.clone(),
        root: args.root.clone(),
        into: args.into.clone(),
        force: args.force,
    };
    match import(&opts) {
        Ok(outcome) => {
            if !ui.quiet {
                report(&args.file, &args.root, &outcome, ui);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            let (message, hint) = e.message();
            ui.error(&ui.text(&message));
            eprintln!("  = {}: {}", ui.text(&msg!("hint")), ui.text(&hint));
            eprintln!("{}", ui.text(&msg!("Nothing was written.")));
            ExitCode::from(1)
        }
    }
}

/// What was written, left out and needs a person, then the next commands.
fn report(file: &Path, root: &Path, o: &Outcome, ui: &Ui) {
    ui.say(&msg!(
        "Imported {file} into {folder}: {chapters} {chapters|chapter|chapters}, {images} {images|image|images}, {tables} {tables|table|tables}, {footnotes} {footnotes|footnote|footnotes}.",
        file = file.display(),
        folder = o.folder.display(),
        chapters = o.chapters,
        images = o.images,
        tables = o.tables,
        footnotes = o.footnotes
    ));
    if o.goals > 0 {
        ui.say(&msg!(
            "The plan tables gave {goals} {goals|goal|goals} and {measures} {measures|measure|measures} (plan.yaml, toimenpiteet.csv).",
            goals = o.goals,
            measures = o.measures
        ));
    }
    let warning = ui.text(&msg!("warning"));
    for n in &o.notices {
        println!("{warning}: {}", ui.text(n));
    }
    if !o.items.is_empty() {
        println!();
        ui.say(&msg!(
            "{n} {n|item needs|items need} a person; each is also in its page's todo: list:",
            n = o.items.len()
        ));
        for (path, item) in &o.items {
            println!("  {}: {}", path.display(), ui.text(item));
        }
    }
    let at = if root == Path::new(".") {
        String::new()
    } else {
        format!(" --root {}", root.display())
    };
    println!();
    println!("{}", ui.text(&msg!("Next:")));
    let check = msg!("lists what still needs a person, at its line");
    let serve = msg!("shows the pages as readers will see them");
    println!("  kertomus check{at}   {}", ui.text(&check));
    println!("  kertomus serve{at}   {}", ui.text(&serve));
}
