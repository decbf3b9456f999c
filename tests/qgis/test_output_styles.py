"""Every output of every algorithm opens styled and named in QGIS.

The whole SCORAN chain runs on the tiny sample through `processing.runAndLoadResults` — QGIS's own
path: the layers to load on completion go into the project, then their post-processors run — and
each loaded layer is checked against the renderer, colours and name written here, independently of
the QML files (a palette changed without rebuilding the styles, or the reverse, fails).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile

import pytest
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsExpression,
    QgsGraduatedSymbolRenderer,
    QgsProcessingModelAlgorithm,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterVectorDestination,
    QgsProject,
    QgsSettings,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from scoran_qgis.compat import is_null
from scoran_qgis.layers import STYLE_PROPERTY, STYLES_DIR, apply_style, style_path
from tests.conftest import ROOT

CLASSES = [("INEL", "#67000d"), ("HD05", "#d7301f"), ("HD3", "#fc8d59"), ("BHD8", "#fed976"),
           ("THD30", "#c2e699"), ("THD100", "#66bd63"), ("THD1G", "#1a7837")]
CLASS_LABELS = {"INEL": "INEL — Inéligible (< 512 kbit/s)", "THD1G": "THD1G — Très haut débit ≥ 1 Gbit/s"}

# the planned year of clearing (atlas « Quand ? »): green soon, red late, purple not planned, grey nothing to clear
CLEARING = [("2016", "#1a9850"), ("2017", "#66bd63"), ("2018", "#a6d96a"), ("2019", "#d9ef8b"), ("2020", "#fee08b"),
            ("2021", "#fdae61"), ("2022", "#f46d43"), ("apres_2022", "#d73027"), ("non_planifie", "#762a83"),
            ("rien", "#f0f0f0")]
CLEARING_LABELS = {"2016": "2016 ou avant", "apres_2022": "Après 2022", "non_planifie": "Non planifié",
                   "rien": "Rien à résorber"}
# (algorithm, output): (style, layer name, expected symbology); None as style: a table, named only
EXPECTED = {
    ("importmci", "OUTPUT"): ("locaux_classes", "Locaux par classe de débit",
                              {"categorised": "classe", "categories": CLASSES, "labels": CLASS_LABELS,
                               "shape": "circle"}),
    ("whitezones", "OUTPUT"): ("zones_part_sous_seuil", "Part des locaux sous le seuil par zone",
                               {"graduated": "pct_sous_seuil",
                                "ranges": [(0, 10, "#fee5d9", "0 – 10 %"), (10, 25, "#fcae91", "10 – 25 %"),
                                           (25, 50, "#fb6a4a", "25 – 50 %"), (50, 100.01, "#cb181d", "50 – 100 %")]}),
    ("whitezones", "OUTPUT_ZONES"): ("carreaux_sous_seuil", "Carreaux sans haut débit de qualité",
                                     {"single_fill": "#08306b", "fill_alpha": 0, "brush": "solid"}),
    ("whitezones", "OUTPUT_ZONES_INEL"): ("carreaux_inel", "Carreaux en zone blanche du haut débit",
                                          {"single_fill": "#d7301f", "fill_alpha": 0, "brush": "b_diagonal"}),
    ("whitezones", "OUTPUT_SUMMARY"): (None, "Inventaire des zones blanches par département", {}),
    ("importbpe", "OUTPUT"): ("sites_categories", "Sites prioritaires",
                              {"categorised": "categorie",
                               "categories": [("ecoles", "#1f78b4"), ("colleges_lycees", "#a6cee3"),
                                              ("enseignement_superieur", "#6a3d9a"), ("sante", "#33a02c"),
                                              ("services_publics", "#e31a1c"), ("entreprises", "#ff7f00")],
                               "labels": {"ecoles": "Écoles", "sante": "Santé"}, "shape": "circle"}),
    ("prioritysites", "OUTPUT"): ("sites_prioritaires", "Sites prioritaires qualifiés",
                                  {"categorised": "classe", "categories": [*CLASSES, ("", "#999999")],
                                   "labels": {**CLASS_LABELS, "": "Aucun local à moins de la distance maximale"},
                                   "shape": "star"}),
    ("prioritysites", "OUTPUT_SUMMARY"): (None, "Sites prioritaires par commune et département", {}),
    ("thdcoverage", "OUTPUT"): ("couverture_thd", "Couverture THD",
                                {"categorised": "zone",
                                 "categories": [("ZTD", "#2b8cbe"), ("AMII", "#7bccc4"), ("RIP", "#fdae6b"),
                                                ("aucun", "#969696")],
                                 "labels": {"ZTD": "Zone très dense", "aucun": "Aucun projet"}, "shape": "circle"}),
    ("thdcoverage", "OUTPUT_SUMMARY"): (None, "Locaux par zone et semestre prévu", {}),
    ("thdcoverage", "OUTPUT_CHECKS"): (None, "Anomalies des projets", {}),
    ("whitezoneclearing", "OUTPUT_COMMUNES"): ("resorption_communes", "Résorption par commune",
                                               {"categorised": "semestre_resorption", "categories": CLEARING,
                                                "labels": CLEARING_LABELS}),
    ("whitezoneclearing", "OUTPUT_CELLS"): ("resorption_carreaux", "Résorption par carreau de 200 m",
                                            {"categorised": "semestre_resorption", "categories": CLEARING,
                                             "labels": CLEARING_LABELS}),
    ("whitezoneclearing", "OUTPUT_PHASES"): (None, "Résorption par phase de RIP et semestre", {}),
    ("whitezoneclearing", "OUTPUT_DEPARTMENTS"): (None, "Reste à traiter par département", {}),
    ("whitezoneclearing", "OUTPUT_SITES"): (None, "Semestre THD prévu des sites prioritaires", {}),
    ("thdtrajectory", "OUTPUT"): (None, "Trajectoire THD par semestre", {}),
    ("thdtrajectory", "OUTPUT_PHASING"): (None, "Phasage 2015–2017", {}),
    ("thdtrajectory", "OUTPUT_CHANGES"): (None, "Évolutions depuis le millésime précédent", {}),
    ("financialneeds", "OUTPUT"): (None, "Besoins financiers", {}),
    ("financialneeds", "OUTPUT_REMAINING"): (None, "Reste à planifier (locaux hors de tout plan, coût du 100 % en "
                                                   "2022)", {}),
    ("mobilewhitezones", "OUTPUT"): ("centres_bourgs_mobile", "Centres-bourgs : couverture mobile",
                                     {"categorised": "statut",
                                      "categories": [("zone_blanche_2g", "#67000d"), ("zone_blanche_3g", "#ef3b2c"),
                                                     ("partiellement_couvert", "#fdae61"), ("couvert", "#1a9641")],
                                      "labels": {"zone_blanche_2g": "Zone blanche 2G (aucun opérateur)"},
                                      "shape": "triangle", "label_field": "nom"}),
    ("mobilewhitezones", "OUTPUT_SUMMARY"): (None, "Estimatif des besoins mobiles par département", {}),
    ("mobiledemand", "OUTPUT"): ("demande_4g", "Points sans 4G",
                                 {"graduated": 'coalesce("distance_4g_m", 50000)',
                                  "ranges": [(0, 500, "#fed98e", "moins de 500 m"),
                                             (500, 1000, "#fe9929", "500 m – 1 km"),
                                             (1000, 2000, "#d95f0e", "1 – 2 km"),
                                             (2000, 50000.01, "#993404",
                                              "2 km et plus (ou aucune 4G à moins de 50 km)")]}),
    ("mobiledemand", "OUTPUT_COMMUNES"): (None, "Demande 4G par commune", {}),
}
PREFER_FILENAME = "Processing/Configuration/PREFER_FILENAME_AS_LAYER_NAME"


def _file(source: str) -> str:
    return os.path.realpath(source.split("|")[0])


@pytest.fixture(scope="module")
def loaded(provider, sample_build, tiny_sources, tmp_path_factory):
    """{(algorithm, output): layer} of the whole chain, each step run and loaded as the toolbox does."""
    from qgis import processing

    from scoran_qgis.algorithms.chain import steps

    folder = tmp_path_factory.mktemp("styles")
    store = folder / "scoran.gpkg"
    shutil.copy(sample_build[0].path, store)  # the chain records its semester in the store: a copy
    out = folder / "analyses"
    out.mkdir()
    settings = QgsSettings()
    preferred = settings.value(PREFER_FILENAME)
    settings.setValue(PREFER_FILENAME, False)  # the officer's choice: names given by the algorithm
    project = QgsProject.instance()
    project.clear()
    layers = {}
    try:
        for algorithm, parameters in steps(tiny_sources, store, out, "2015-S1"):
            name = algorithm.split(":")[1]
            before = set(project.mapLayers())
            results = processing.runAndLoadResults(algorithm, parameters)
            added = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
            for output, value in results.items():
                if (name, output) in EXPECTED:
                    matches = [layer for layer in added if _file(layer.source()) == _file(str(value))]
                    assert len(matches) == 1, (name, output, value, [layer.source() for layer in added])
                    layers[(name, output)] = matches[0]
        yield layers
    finally:
        project.clear()
        if preferred is None:
            settings.remove(PREFER_FILENAME)
        else:
            settings.setValue(PREFER_FILENAME, preferred)


def _hex(color) -> str:
    return color.name()


@pytest.mark.parametrize("key", list(EXPECTED), ids=[f"{a}-{o}" for a, o in EXPECTED])
def test_output_loads_styled_and_named(loaded, key):
    style, name, expected = EXPECTED[key]
    layer = loaded[key]
    assert layer.isValid()
    assert QgsProject.instance().mapLayer(layer.id()) is layer  # in the project
    assert layer.name() == name
    if style is None:  # a table: no geometry, nothing to draw
        assert not layer.isSpatial()
        assert layer.customProperty(STYLE_PROPERTY) is None
        return
    assert style_path(style).is_file()
    assert layer.customProperty(STYLE_PROPERTY) == style
    renderer = layer.renderer()
    if "categorised" in expected:
        assert isinstance(renderer, QgsCategorizedSymbolRenderer)
        attribute = renderer.classAttribute()  # a field, or an expression that reads it
        assert attribute == expected["categorised"] or expected["categorised"] in QgsExpression(
            attribute).referencedColumns()
        categories = renderer.categories()
        assert [(str(c.value()), _hex(c.symbol().color())) for c in categories] == expected["categories"]
        labels = {str(c.value()): c.label() for c in categories}
        assert {k: labels[k] for k in expected["labels"]} == expected["labels"]
        if "shape" in expected:  # points; polygons have no shape
            assert {c.symbol().symbolLayer(0).shape() for c in categories} == {_shape(expected["shape"])}
    elif "graduated" in expected:
        assert isinstance(renderer, QgsGraduatedSymbolRenderer)
        assert renderer.classAttribute() == expected["graduated"]
        assert [(r.lowerValue(), r.upperValue(), _hex(r.symbol().color()), r.label()) for r in renderer.ranges()] \
            == pytest.approx(expected["ranges"])
    else:
        assert isinstance(renderer, QgsSingleSymbolRenderer)
        fill = renderer.symbol().symbolLayer(0)
        assert _hex(fill.strokeColor()) == expected["single_fill"]
        assert fill.fillColor().alpha() == expected["fill_alpha"]
        assert fill.properties()["style"] == expected["brush"]
    if "label_field" in expected:
        assert layer.labelsEnabled()
        assert expected["label_field"] in layer.labeling().settings().fieldName
    assert layer.featureCount() >= 0


def _shape(name: str):
    from qgis.core import QgsSimpleMarkerSymbolLayerBase

    return QgsSimpleMarkerSymbolLayerBase.decodeShape(name)[0]


def test_centres_in_white_zones_are_labelled_by_name(loaded):
    layer = loaded[("mobilewhitezones", "OUTPUT")]
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils

    expression = QgsExpression(layer.labeling().settings().fieldName)
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    seen = set()
    for feature in layer.getFeatures():
        context.setFeature(feature)
        text = expression.evaluate(context)
        white = feature["statut"] in ("zone_blanche_2g", "zone_blanche_3g")
        assert text == feature["nom"] if white else is_null(text) or not text, feature["statut"]
        seen.add(white)
    assert True in seen  # the sample has white-zone centres, so some labels are drawn


def test_every_vector_output_of_every_algorithm_has_its_style(provider):
    """Each feature sink or vector destination of the plugin's algorithms is in EXPECTED (none forgotten)."""
    outputs = set()
    for algorithm in provider.algorithms():
        if isinstance(algorithm, QgsProcessingModelAlgorithm):  # shipped models: their children's outputs
            continue
        for definition in algorithm.parameterDefinitions():
            if isinstance(definition, (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination)):
                outputs.add((algorithm.name(), definition.name()))
    assert outputs == set(EXPECTED)


def test_no_dead_style():
    """Every shipped QML is some output's style, and every output style is shipped."""
    shipped = {path.stem for path in STYLES_DIR.glob("*.qml")}
    used = {style for style, _, _ in EXPECTED.values() if style}
    assert shipped == used


def test_styles_are_readable_by_qgis():
    """Each QML loads on a plain layer of its geometry (symbology, labels, rendering only)."""
    for path in sorted(STYLES_DIR.glob("*.qml")):
        geometry = "Point" if "<symbol" in path.read_text() and 'type="marker"' in path.read_text() else "Polygon"
        layer = QgsVectorLayer(f"{geometry}?crs=EPSG:2154&field=nom:string", path.stem, "memory")
        assert apply_style(layer, path.stem), path.name
        assert layer.renderer() is not None


def test_labels_naming_a_missing_field_are_switched_off():
    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=statut:string", "sans nom", "memory")
    assert apply_style(layer, "centres_bourgs_mobile")
    assert not layer.labelsEnabled()
    assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer)


def test_an_unknown_style_leaves_the_layer_as_it_is():
    layer = QgsVectorLayer("Point?crs=EPSG:2154", "x", "memory")
    before = layer.renderer().type()
    assert not apply_style(layer, "inconnu")
    assert layer.renderer().type() == before and layer.customProperty(STYLE_PROPERTY) is None


def test_the_plugin_zip_ships_the_styles(tmp_path):
    target = tmp_path / "scoran_qgis.zip"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "package.py"), str(target)], check=True)
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
    expected = {f"scoran_qgis/resources/styles/{path.name}" for path in STYLES_DIR.glob("*.qml")}
    assert expected and expected <= names


def test_shipped_styles_are_the_built_ones(tmp_path):
    """The QML in resources/styles is what scripts/build_styles.py writes from the palettes today (rebuild and
    commit after a palette or label change). Compared byte for byte on the QGIS version that wrote them."""
    from qgis.core import Qgis

    shipped = sorted(STYLES_DIR.glob("*.qml"))
    if f'version="{Qgis.QGIS_VERSION}"' not in shipped[0].read_text(encoding="utf-8"):
        pytest.skip("styles written by another QGIS version: its XML differs")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_styles.py"), str(tmp_path)], check=True,
                   capture_output=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert sorted(p.name for p in tmp_path.glob("*.qml")) == [p.name for p in shipped]
    assert [p.name for p in shipped if (tmp_path / p.name).read_bytes() != p.read_bytes()] == []


def test_an_output_of_a_model_loads_styled_too(provider, tmp_path):
    """A saved model whose output is an algorithm's output: the layer it loads has that output's style."""
    from qgis import processing
    from qgis.core import (
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterMultipleLayers,
    )

    from scoran_qgis.compat import SOURCE_FILE
    from tests.qgis.test_fixed_broadband import BASES, ELIGIBILITY

    model = QgsProcessingModelAlgorithm("import", "SCORAN")
    child = QgsProcessingModelChildAlgorithm("scoran:importmci")
    child.setChildId("import")
    for name in ("BASE_IMB", "ELIGIBILITE"):
        model.addModelParameter(QgsProcessingParameterMultipleLayers(name, name, SOURCE_FILE),
                                QgsProcessingModelParameter(name))
        child.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromModelParameter(name)])
    output = QgsProcessingModelOutput("locaux")
    output.setChildId("import")
    output.setChildOutputName("OUTPUT")
    child.setModelOutputs({"locaux": output})
    model.addChildAlgorithm(child)
    project = QgsProject.instance()
    project.clear()
    try:
        processing.runAndLoadResults(model, {"BASE_IMB": BASES, "ELIGIBILITE": ELIGIBILITY,
                                             "import:locaux": str(tmp_path / "locaux.gpkg")})
        [layer] = project.mapLayers().values()
        assert layer.customProperty(STYLE_PROPERTY) == "locaux_classes"
        assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer)
        assert layer.renderer().classAttribute() == "classe"
    finally:
        project.clear()
