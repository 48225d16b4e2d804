//! The publishing workflows `kertomus init --ci` writes beside a site.

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
    pub(super) fn workflow(self) -> (&'static str, &'static str) {
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
