"""Write the shipped layout templates of the atlas (resources/layouts/*.qpt).

    /usr/bin/python3 scripts/build_templates.py

Officers may restyle the .qpt in QGIS's layout designer: the plugin finds the items by their id
(carte_fixe, carte_quand_carreaux, legende_usages, chiffres_mobile…), so only the ids must stay. The pages
whose number depends on the data (calendar, lists of sites and of changes) are built in code.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from qgis.core import QgsApplication, QgsProject, QgsReadWriteContext

    app = QgsApplication([], False)
    app.initQgis()
    from scoran_qgis.export.atlas import (
        ATLAS_TEMPLATE,
        COVER_TEMPLATE,
        build_atlas_template,
        build_cover_template,
    )

    project = QgsProject()
    ATLAS_TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    for builder, path in ((build_atlas_template, ATLAS_TEMPLATE), (build_cover_template, COVER_TEMPLATE)):
        if not builder(project).saveAsTemplate(str(path), QgsReadWriteContext()):
            print(f"écriture impossible : {path}")
            return 1
        print(f"écrit : {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
