"""A user's own lexicon entries (--extra-lexicon), and the standard codes on entries and profiles (issue 15)."""

from __future__ import annotations

import json
import os
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jdmatch.compiled import cache_dir, compiled_data, load_lexicon
from jdmatch.errors import LexiconError, ProfileError
from jdmatch.lexicon import check_lexicon, default_lexicon_dir
from jdmatch.matcher import Matcher
from tests.cli_support import CliResult, run_cli

DATA = Path(__file__).resolve().parent / "data" / "formats"
ROOT = Path(__file__).resolve().parents[1]
TEAM = DATA / "team-lexicon.jsonl"


# Tests that use the team lexicon but are not about caching it: they share one cache folder per module
# and the merged lexicon this process remembers, so it is compiled once for all of them, not once each.
SHARES_THE_MERGED_LEXICON = {
    "test_alias_new_entry_and_ambiguous_form",
    "test_score_and_batch_take_extra_lexicon",
    "test_match_takes_extra_lexicon",
    "test_spacy_component_config_takes_extra_lexicon",
}


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("shared-cache")


@pytest.fixture(autouse=True)
def cache(request, tmp_path, monkeypatch) -> Path:
    """Every test compiles into its own cache folder (never the user's), but those that share the merged lexicon."""
    from jdmatch import compiled as lexmod

    if request.node.originalname in SHARES_THE_MERGED_LEXICON:
        folder = request.getfixturevalue("shared_cache")
        monkeypatch.setenv("JDMATCH_CACHE_DIR", str(folder))
        return folder
    folder = tmp_path / "cache"
    monkeypatch.setenv("JDMATCH_CACHE_DIR", str(folder))
    for key in [k for k in lexmod._COMPILED if "\0" in k]:  # merged lexicons this process remembers
        del lexmod._COMPILED[key]
    return folder


def run(*args: str, env: dict[str, str] | None = None) -> CliResult:
    return run_cli(*args, env=env)


def ids(matcher: Matcher, text: str) -> list[str]:
    return [s.id for s in matcher.skills(text)]


def test_skills_command_finds_a_users_tool(tmp_path, cache):
    doc = tmp_path / "notes.txt"
    doc.write_text("Releases go out through Quill Stack every Tuesday.\n", encoding="utf-8")
    plain = run("skills", str(doc), "--format", "json")
    assert plain.returncode == 0, plain.stderr
    assert "quillstack" not in {s["id"] for s in json.loads(plain.stdout)}
    out = run("skills", str(doc), "--format", "json", "--extra-lexicon", str(TEAM))
    assert out.returncode == 0, out.stderr
    found = {s["id"]: s for s in json.loads(out.stdout)}
    assert (
        found["quillstack"]["name"] == "Quillstack"
        and found["quillstack"]["mentions"][0]["text"] == "Quill Stack"
    )
    assert list(cache.glob("lexicon-*.json")), "the merged lexicon is cached"


def test_alias_new_entry_and_ambiguous_form():
    base, team = Matcher(), Matcher(extra_lexicon=[TEAM])
    assert ids(base, "Data lives in PG, deploys on Quillstack.") == []
    assert ids(team, "Data lives in PG, deploys on Quillstack.") == ["postgresql", "quillstack"]
    # "Ansible" is now ambiguous: it needs technical context, like "Go"
    assert ids(base, "Ansible is what the novel calls its radio.") == ["ansible"]
    assert ids(team, "Ansible is what the novel calls its radio.") == []
    assert ids(team, "We use Ansible, Kubernetes and AWS.") == ["ansible", "kubernetes", "aws"]
    assert ids(team, "Provisioned with Red Hat Ansible.") == [
        "ansible"
    ]  # the other aliases stay plain
    entry = team.recognizer.lexicon.by_id()["quillstack"]
    assert entry.source == "user" and entry.file.endswith("team-lexicon.jsonl") and entry.line == 2


def test_a_new_entry_may_leave_out_label_category_and_source(tmp_path):
    mine = tmp_path / "mine.jsonl"
    mine.write_text(
        '{"id": "acme-deployer", "name": "Acme Deployer", "source": "acme"}\n'
        '{"id": "harrowgate", "name": "Harrowgate", "label": "platform", "category": "Internal platforms"}\n',
        encoding="utf-8",
    )
    by_id = load_lexicon(extra=[mine]).by_id()
    a, h = by_id["acme-deployer"], by_id["harrowgate"]
    assert (a.label, a.category, a.source) == ("tool", "Other", "acme")
    assert (h.label, h.category, h.source) == ("platform", "Internal platforms", "user")


def test_second_start_reads_the_cache(cache):
    code = (
        "import sys; from jdmatch.compiled import load_lexicon, compiled_data; "
        f"lx = load_lexicon(extra=[{str(TEAM)!r}]); print(compiled_data(lx) is not None)"
    )
    env = {**os.environ, "JDMATCH_CACHE_DIR": str(cache)}

    def fresh() -> str:
        return subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            check=True,
        ).stdout.strip()

    assert fresh() == "False"  # nothing compiled yet
    Matcher(extra_lexicon=[TEAM]).skills("warm up")  # compiles and stores
    files = list(cache.glob("lexicon-*.json"))
    assert len(files) == 1
    assert fresh() == "True"  # the next process takes entries and patterns from the cache
    lexicon = load_lexicon(extra=[TEAM])
    assert compiled_data(lexicon) is not None and "quillstack" in lexicon.by_id()


def test_cache_key_is_the_content(tmp_path, cache):
    mine = tmp_path / "mine.jsonl"
    mine.write_text(
        '{"id": "quillstack", "name": "Quillstack", "label": "tool", "category": "DevOps"}\n',
        encoding="utf-8",
    )
    Matcher(extra_lexicon=[mine]).skills("x")
    mine.write_text(
        '{"id": "harrowgate", "name": "Harrowgate", "label": "tool", "category": "DevOps"}\n',
        encoding="utf-8",
    )
    m = Matcher(extra_lexicon=[mine])
    assert ids(m, "Harrowgate and Quillstack") == [
        "harrowgate"
    ]  # the edit is seen, not the old cache
    assert len(list(cache.glob("lexicon-*.json"))) == 2


def test_a_damaged_cache_is_rebuilt(cache):
    Matcher(extra_lexicon=[TEAM]).skills("x")
    (path,) = cache.glob("lexicon-*.json")
    path.write_text("{not json", encoding="utf-8")
    from jdmatch import compiled as lexmod

    for key in [k for k in lexmod._COMPILED if "\0" in k]:
        del lexmod._COMPILED[key]
    m = Matcher(extra_lexicon=[TEAM])
    assert ids(m, "Quillstack") == ["quillstack"]
    assert json.loads(path.read_text(encoding="utf-8"))["format"]  # written again


def test_unwritable_cache_still_works(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(
        "JDMATCH_CACHE_DIR", str(blocker / "sub")
    )  # a folder cannot be made under a file
    assert ids(Matcher(extra_lexicon=[TEAM]), "Quillstack") == ["quillstack"]


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            '{"id": "x1", "name": "X1", "label": "gadget", "category": "Tools"}',
            r"bad\.jsonl:1: label 'gadget' is not one of",
        ),
        ('{"id": "x1", "label": "tool"}', r"bad\.jsonl:1: `name` is missing"),
        (
            '{"id": "x1", "name": "X1", "source": ""}',
            r"bad\.jsonl:1: `source` must be a non-empty string",
        ),
        (
            '// ok\n{"id": "postgresql", "aliases": "PG"}',
            r"bad\.jsonl:2: `aliases` must be a list of strings",
        ),
        ('{"id": "postgresql", "colour": "blue"}', r"bad\.jsonl:1: unknown field\(s\): colour"),
        (
            '{"id": "x1", "name": "X1", "label": "tool", "category": "T", "implies": ["nope"]}',
            r"bad\.jsonl:1: implies unknown id 'nope'",
        ),
        (
            '{"id": "x1", "name": "X1", "label": "tool", "category": "T"}\n{"id": "x2", "name": "x1", "label": "tool", "category": "T"}',
            r"bad\.jsonl:2: x2: form 'x1' is also 'x1''s 'X1' \(.*bad\.jsonl:1\)",
        ),
        (
            '{"id": "x1", "name": "X1", "label": "tool", "category": "T"',
            r"bad\.jsonl:1: not valid JSON",
        ),
        ('["x1"]', r"bad\.jsonl:1: each line must be a JSON object"),
    ],
)
def test_bad_extra_lexicon_names_file_and_line(tmp_path, lines, message):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(lines + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_lexicon(extra=[bad])


def test_lexicon_check_takes_extra_files(tmp_path):
    out = run("lexicon", "check", "--extra-lexicon", str(TEAM))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(
        "ok: 1 extra file(s) merge with no problem:"
    ) and out.stdout.rstrip().endswith(", 1 new")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"id": "postgresql", "aliases": ["PG"]}\n{"id": "kafka", "aliases": ["PG"]}\n',
        encoding="utf-8",
    )
    out = run("lexicon", "check", "--extra-lexicon", str(bad))
    assert out.returncode == 1
    assert f"{bad}:2: kafka: form 'PG' is also 'postgresql''s 'PG' ({bad}:1)" in out.stderr


def test_missing_extra_lexicon_is_a_clear_error(tmp_path):
    out = run("skills", str(DATA / "resume.json"), "--extra-lexicon", str(tmp_path / "nope.jsonl"))
    assert out.returncode == 1
    assert (
        out.stderr.strip()
        == f"jdmatch: error: {tmp_path / 'nope.jsonl'}: no such extra lexicon file; check the path"
    )


def test_profile_may_name_a_users_id(tmp_path):
    profile = tmp_path / "release.toml"
    profile.write_text(
        'id = "release"\ntitle = "Release engineer"\n'
        '[[groups]]\nid = "deploy"\nname = "Deploy tools"\nweight = 1\nmode = "any"\nskills = ["quillstack", "terraform"]\n',
        encoding="utf-8",
    )
    with pytest.raises(ProfileError, match="skill 'quillstack' is not in the lexicon"):
        _ = Matcher(profile=str(profile)).profile
    result = Matcher(profile=str(profile), extra_lexicon=[TEAM]).score(
        "Release engineer shipping with Quillstack daily."
    )
    assert [m.id for m in result.matched] == ["quillstack"] and result.coverage > 0.99


def test_score_and_batch_take_extra_lexicon(tmp_path, cache):
    profile = tmp_path / "release.toml"
    profile.write_text(
        'id = "release"\ntitle = "Release engineer"\n'
        '[[groups]]\nid = "deploy"\nname = "Deploy tools"\nweight = 1\nmode = "any"\ncore = true\nskills = ["quillstack"]\n',
        encoding="utf-8",
    )
    doc = tmp_path / "cv.txt"
    doc.write_text("Release engineer. Five years shipping with Quillstack.\n", encoding="utf-8")
    out = run(
        "score",
        str(doc),
        "--profile",
        str(profile),
        "--extra-lexicon",
        str(TEAM),
        "--format",
        "json",
    )
    assert out.returncode == 0, out.stderr
    assert [m["id"] for m in json.loads(out.stdout)["matched"]] == ["quillstack"]

    from jdmatch import batch

    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "a", "text": "Ships with Quillstack."})
        + "\n"
        + json.dumps({"id": "b", "text": "Bakes bread."})
        + "\n"
    )
    ranked = tmp_path / "ranked.csv"
    batch.run([str(feed)], ranked, profile=str(profile), workers=2, extra_lexicon=[TEAM])
    rows = {r["id"]: r for r in batch.read_rows(ranked)}
    assert rows["a"]["top_skills"] == "Quillstack" and rows["b"]["top_skills"] == ""
    assert float(rows["a"]["score"]) > float(rows["b"]["score"])


def test_match_takes_extra_lexicon(tmp_path):
    resume = tmp_path / "cv.txt"
    resume.write_text("Built deploy tooling on Quillstack and Kubernetes.\n", encoding="utf-8")
    posting = tmp_path / "job.txt"
    posting.write_text("Requirements\n- Quillstack\n- Kubernetes\n", encoding="utf-8")
    out = run("match", str(resume), str(posting), "--extra-lexicon", str(TEAM), "--format", "json")
    assert out.returncode == 0, out.stderr
    assert {m["id"] for m in json.loads(out.stdout)["matched"]} == {"quillstack", "kubernetes"}


def test_spacy_component_config_takes_extra_lexicon():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("jdmatch_skills", config={"extra_lexicon": [str(TEAM)]})
    doc = nlp("Data in PG, deploys on Quillstack.")
    assert [(s.text, s.id_) for s in doc.spans["skills"]] == [
        ("PG", "postgresql"),
        ("Quillstack", "quillstack"),
    ]


def test_cache_dir_defaults(monkeypatch, tmp_path):
    monkeypatch.delenv("JDMATCH_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "jdmatch"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_dir() == Path.home() / ".cache" / "jdmatch"
    assert default_lexicon_dir() not in cache_dir().parents  # never inside the package


# -- standard codes ------------------------------------------------------------------------


def test_entries_carry_onet_codes():
    codes = load_lexicon().codes
    assert len(codes) > 1500
    for entry_id in ("python", "java", "postgresql", "git"):
        c = codes[entry_id]
        assert (
            len(c["onet_commodity"]) == 8
            and c["onet_commodity"].isdigit()
            and c["onet_commodity_title"]
        )
        assert c["hot_technology"] is True
    assert codes["excel"]["onet_commodity_title"] == "Spreadsheet software"
    assert "communication" not in codes  # a soft skill is no O*NET product


def test_skills_and_score_json_include_codes(tmp_path):
    doc = tmp_path / "cv.txt"
    doc.write_text(
        "Backend engineer: Python, PostgreSQL and Git; good communication.\n", encoding="utf-8"
    )
    out = run("skills", str(doc), "--format", "json")
    skills = {s["id"]: s for s in json.loads(out.stdout)}
    assert (
        skills["python"]["codes"]["onet_commodity"]
        == load_lexicon().codes["python"]["onet_commodity"]
    )
    assert "codes" not in skills["communication"]
    out = run("score", str(doc), "--format", "json")
    data = json.loads(out.stdout)
    assert data["occupation"] == {
        "onet_soc": "15-1252.00",
        "isco08": "2512",
        "esco_occupation": "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1",
    }
    matched = {m["id"]: m for m in data["matched"]}
    assert matched["postgresql"]["codes"]["hot_technology"] is True


def test_profile_codes_are_validated():
    from jdmatch.profile import load_profile, parse_profile

    assert load_profile("backend-engineer").onet_soc == "15-1252.00"
    assert load_profile("backend-engineer").to_dict()["isco08"] == "2512"
    raw = {
        "id": "x",
        "title": "X",
        "groups": [{"id": "g", "weight": 1, "skills": ["python"]}],
        "onet_soc": "15-1252",
    }
    with pytest.raises(ProfileError, match=r"`onet_soc` must be a code like \"15-1252.00\""):
        parse_profile(raw)


def test_codes_file_problems_name_file_and_line(tmp_path):
    folder = tmp_path / "lex"
    (folder / "codes").mkdir(parents=True)
    (folder / "lexicon.toml").write_text(
        'files = ["a.jsonl"]\ncodes = ["codes/c.jsonl"]\n', encoding="utf-8"
    )
    (folder / "a.jsonl").write_text(
        '{"id": "quillstack", "name": "Quillstack", "label": "tool", "category": "DevOps", "source": "jdmatch"}\n',
        encoding="utf-8",
    )
    (folder / "codes" / "c.jsonl").write_text(
        '{"id": "quillstack", "onet_commodity": "43232405", "onet_commodity_title": "Development software", "hot_technology": false}\n'
        '{"id": "nothing", "onet_commodity": "43232405"}\n'
        '{"id": "quillstack", "onet_commodity": "4323"}\n'
        '{"id": "quillstack", "hot_technology": "yes"}\n',
        encoding="utf-8",
    )
    lexicon, problems = check_lexicon(folder)
    where = str(folder / "codes" / "c.jsonl")
    assert [str(p) for p in problems] == [
        f"{where}:2: codes for unknown id 'nothing'",
        f"{where}:3: id 'quillstack' has onet_commodity already",
        f"{where}:4: needs a string `id`; fields must be id, onet_commodity, onet_commodity_title, hot_technology, esco_skill (bad: hot_technology)",
    ]
    assert lexicon.codes["quillstack"]["hot_technology"] is False


@pytest.mark.skipif(
    not (
        ROOT.parent / "shared" / "eval" / "lexicon-sources" / "onet_technology_skills.csv"
    ).is_file()
    and not Path("/work/shared/eval/lexicon-sources/onet_technology_skills.csv").is_file(),
    reason="the O*NET source table is not on this machine",
)
def test_codes_file_is_what_the_script_writes(tmp_path, monkeypatch):
    source = ROOT.parent / "shared" / "eval" / "lexicon-sources" / "onet_technology_skills.csv"
    if not source.is_file():
        source = Path("/work/shared/eval/lexicon-sources/onet_technology_skills.csv")
    out = tmp_path / "codes.jsonl"
    # the script as its command line runs it (`python tools/make_onet_codes.py ...`), in this process
    argv = ["make_onet_codes.py", "--source", str(source), "--output", str(out)]
    monkeypatch.setattr(sys, "argv", argv)
    with pytest.raises(SystemExit) as done:
        runpy.run_path(str(ROOT / "tools" / "make_onet_codes.py"), run_name="__main__")
    assert done.value.code in (0, None)
    assert out.read_text(encoding="utf-8") == (
        ROOT / "lexicon" / "codes" / "onet-technology.jsonl"
    ).read_text(encoding="utf-8")


def test_shipped_lexicon_copy_with_codes_checks_clean(tmp_path):
    folder = tmp_path / "lexicon"
    shutil.copytree(
        default_lexicon_dir(),
        folder,
        ignore=shutil.ignore_patterns("compiled.json", "reference", "profiles"),
    )
    lexicon, problems = check_lexicon(folder)
    assert problems == [] and len(lexicon.codes) == len(load_lexicon().codes)


def test_entries_carry_esco_skill_uris():
    codes = load_lexicon().codes
    esco = {i: c["esco_skill"] for i, c in codes.items() if "esco_skill" in c}
    assert len(esco) >= 50 and len(set(esco.values())) == len(esco)
    assert all(u.startswith("http://data.europa.eu/esco/skill/") for u in esco.values())
    assert {"python", "java", "postgresql"} <= set(esco)
    assert (
        "onet_commodity" in codes["python"] and "esco_skill" in codes["python"]
    )  # both files, one entry


def test_esco_mapping_is_strict(tmp_path):
    uri = "http://data.europa.eu/esco/skill/{:08d}-0000-0000-0000-000000000000".format
    rows = [
        (
            uri(1),
            "PostgreSQL Postgres The computer program PostgreSQL is a database.",
        ),  # the name, then an alias
        (
            uri(2),
            "Python (computer programming) Python The techniques of software development.",
        ),  # a qualifier
        (
            uri(3),
            "VBScript The techniques of software development.",
        ),  # an alias that names another product
        (
            uri(4),
            "QlikView Expressor QV Expressor The computer program.",
        ),  # a longer label than the form
        (uri(5), "Kafka The tool Kafka streams events."),  # two rows for one entry: neither
        (uri(6), "Kafka The other tool Kafka."),
        (uri(7), "communication The skill of talking."),  # not a product
    ]
    source = tmp_path / "skills.csv"
    with source.open("w", encoding="utf-8", newline="") as fh:
        import csv

        writer = csv.writer(fh)
        writer.writerow(["id", "description"])
        writer.writerows(rows)
    out = tmp_path / "esco.jsonl"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "make_esco_codes.py"),
            "--source",
            str(source),
            "--output",
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert got == [
        {"id": "postgresql", "esco_skill": uri(1)},
        {"id": "python", "esco_skill": uri(2)},
    ]
