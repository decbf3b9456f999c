"""Writers of deliverables: charts, workbooks, atlas."""
