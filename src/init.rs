//! A starter site for `kertomus init`: site.yaml, a front page in Finnish and Swedish, and a
//! document with two chapters. It builds as it is, and each file shows the format by example.

use crate::error::Error;
use std::path::{Path, PathBuf};

const FILES: &[(&str, &str)] = &[
    (
        "content/site.yaml",
        r#"# Sivuston asetukset (site settings). See the format guide of kertomus.
title: {fi: "Hyvinvointikertomus", sv: "Välfärdsberättelse"}
base_url: "https://hyvinvointi.example.fi/"
languages: [fi, sv]
contact: {name: {fi: "Hyvinvointikoordinaattori", sv: "Välfärdskoordinator"}, email: "hyte@example.fi"}
# The accessibility statement (saavutettavuusseloste) is made from these; review them yearly.
accessibility:
  compliance: partial              # full | partial | none, after you have assessed the site
  known_issues:
    - {fi: "Liitteinä julkaistut PDF-tiedostot eivät ole kaikilta osin saavutettavia.", sv: "PDF-filer som publicerats som bilagor är inte helt tillgängliga."}
  feedback_email: "hyte@example.fi"
  prepared: 2026-01-01
  reviewed: 2026-01-01
"#,
    ),
    (
        "content/index.md",
        r#"---
title: "Hyvinvointikertomus"
description: "Kunnan hyvinvointikertomus ja -suunnitelma"
---

Tervetuloa! Tällä sivustolla julkaistaan kuntamme hyvinvointikertomus ja -suunnitelma.

- [Hyvinvointikertomus 2025–2029](kertomus/index.md)
"#,
    ),
    (
        "content/index.sv.md",
        r#"---
title: "Välfärdsberättelse"
description: "Kommunens välfärdsberättelse och -plan"
---

Välkommen! Här publicerar kommunen sin välfärdsberättelse och -plan.

- [Välfärdsberättelse 2025–2029](kertomus/index.md)
"#,
    ),
    (
        "content/kertomus/index.md",
        r#"---
title: "Hyvinvointikertomus 2025–2029"
document:
  type: kertomus+suunnitelma
  council_term: 2025-2029
  period: 2025-2029
  status: draft
---

Tiivistelmä: mitä kertomus sisältää ja mihin sen tavoitteet perustuvat.
"#,
    ),
    (
        "content/kertomus/01-johdanto.md",
        r#"---
title: "Johdanto"
weight: 10
---

## Miksi kertomus laaditaan

Laki velvoittaa kunnan laatimaan hyvinvointikertomuksen kerran valtuustokaudessa.
Seuraavassa luvussa kuvataan [väestön hyvinvointia](02-vaesto.md#vaeston-rakenne).
"#,
    ),
    (
        "content/kertomus/02-vaesto.md",
        r#"---
title: "Väestön hyvinvointi"
weight: 20
toc: true
---

## Väestön rakenne

Kirjoita tähän, miten väestö on muuttunut.

## Hyvinvointi ja terveys

| Mittari | 2023 | 2024 |
|---|---:|---:|
| Esimerkki | 10,1 | 9,8 |
"#,
    ),
];

/// Where the site is kept, for a publishing workflow written beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ci {
    /// GitHub Actions publishing to GitHub Pages.
    Github,
    /// GitLab CI publishing to GitLab Pages.
    Gitlab,
}

impl Ci {
    /// The workflow file and its text: on every change `kertomus check`, then `build`, then
    /// `public/` to the host's Pages service. kertomus is installed with cargo, which both
    /// hosts' images have.
    fn workflow(self) -> (&'static str, &'static str) {
        match self {
            Ci::Github => (".github/workflows/kertomus.yml", GITHUB),
            Ci::Gitlab => (".gitlab-ci.yml", GITLAB),
        }
    }
}

const GITHUB: &str = r#"# Tarkistaa ja julkaisee sivuston GitHub Pagesiin jokaisesta muutoksesta.
# (Checks the site and publishes it to GitHub Pages on every change.)
# Ota Pages käyttöön: Settings → Pages → Source: GitHub Actions.
name: kertomus
on:
  push:
    branches: [main]
  pull_request:
  workflow_dispatch:
permissions:
  contents: read
  pages: write
  id-token: write
concurrency:
  group: pages
  cancel-in-progress: false
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/cache@v4
        with:
          path: ~/.cargo/bin/kertomus
          key: kertomus-${{ runner.os }}
      - name: Asenna kertomus
        run: command -v kertomus || cargo install kertomus --locked
      - name: Tarkista
        run: kertomus check
      - name: Rakenna
        run: kertomus build
      - uses: actions/upload-pages-artifact@v3
        with:
          path: public
  deploy:
    if: github.ref == 'refs/heads/main'
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"#;

const GITLAB: &str = r#"# Tarkistaa ja julkaisee sivuston GitLab Pagesiin jokaisesta muutoksesta.
# (Checks the site and publishes it to GitLab Pages on every change.)
image: rust:latest
cache:
  key: kertomus
  paths: [.cargo/bin]
variables:
  CARGO_HOME: $CI_PROJECT_DIR/.cargo
before_script:
  - export PATH="$CARGO_HOME/bin:$PATH"
  - command -v kertomus || cargo install kertomus --locked
check:
  stage: test
  script:
    - kertomus check
pages:
  stage: deploy
  script:
    - kertomus build
  artifacts:
    paths: [public]
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
"#;

/// [`init`], and a publishing workflow for `ci` when given.
pub fn init_with(dir: &Path, ci: Option<Ci>) -> Result<Vec<PathBuf>, Error> {
    let mut written = init(dir)?;
    if let Some(ci) = ci {
        let (rel, text) = ci.workflow();
        written.push(write(dir, rel, text)?);
    }
    Ok(written)
}

/// Writes the starter site into `dir`, which must not exist or must be empty; returns the
/// files written.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(Error::io(dir))?;
        if entries.next().is_some() {
            return Err(Error::Config(format!(
                "{}: the folder is not empty; choose a new folder so that nothing is overwritten",
                dir.display()
            )));
        }
    }
    FILES
        .iter()
        .map(|(rel, text)| write(dir, rel, text))
        .collect()
}

/// Writes `text` to `dir/rel`, making its folders; returns the path.
fn write(dir: &Path, rel: &str, text: &str) -> Result<PathBuf, Error> {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(Error::io(parent))?;
    }
    std::fs::write(&path, text).map_err(Error::io(&path))?;
    Ok(path)
}
