#!/usr/bin/env bash
# Regenerates src/Jobsmith.Core/Skills/Data/{skills-catalogue,titles}.tsv.gz from ../shared/data (or
# $JOBSMITH_SHARED_DATA) and Skills/Data/skill-facts.txt, through the same test that checks them.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBSMITH_REGENERATE_CATALOGUE=1 dotnet test tests/Jobsmith.Tests \
  --filter "FullyQualifiedName~CatalogueFileTests.Committed_catalogue_files_are_what_the_builder_produces" "$@"
ls -l src/Jobsmith.Core/Skills/Data/*.gz
