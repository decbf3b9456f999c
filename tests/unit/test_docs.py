"""The data model documentation follows the schema."""

import re

from scoran_qgis.core import schema
from tests.conftest import ROOT


def test_every_table_is_documented():
    text = (ROOT / "docs" / "data-model.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^### (\w+)$", text, flags=re.MULTILINE))
    tables = {table.name for migration in schema.MIGRATIONS for table in migration.tables} | {"scoran_meta"}
    assert tables == headings
    assert f"**version {schema.CURRENT_VERSION}**" in text
