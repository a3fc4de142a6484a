"""The ``warta`` command, run as a user runs it (a subprocess)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "artikel.txt"
PAGE = (
    "Kamis, 23 Oktober 2025 09:15 WITA\n\nJembatan Baru Dibuka di Makassar\n\n"
    "TRIBUN-TIMUR.COM, MAKASSAR - Gubernur membuka jembatan baru yang menghubungkan dua kecamatan "
    "di Makassar pada Kamis pagi. Ribuan warga datang untuk menyaksikan peresmian itu.\n\n"
    "Jembatan sepanjang 120 meter itu dibangun selama dua tahun dengan anggaran daerah.\n"
)


def warta(*args, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "warta.cli", *args], input=stdin, capture_output=True, timeout=120
    )


@pytest.fixture
def page(tmp_path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_read_prints_the_json_record(page):
    done = warta("read", str(page))
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["headline"] == "Jembatan Baru Dibuka di Makassar"
    assert record["published"] == "2025-10-23T09:15:00+08:00"
    assert record["dateline"]["place"] == "Makassar"


def test_read_from_stdin_equals_read_from_file(page):
    from_stdin = warta("read", "-", stdin=PAGE.encode())
    assert from_stdin.returncode == 0
    assert json.loads(from_stdin.stdout)["paragraphs"] == json.loads(warta("read", str(page)).stdout)["paragraphs"]


def test_read_jsonld(page):
    doc = json.loads(warta("read", str(page), "--format", "jsonld").stdout)
    assert doc["@type"] == "NewsArticle"
    assert doc["headline"] == "Jembatan Baru Dibuka di Makassar"
    assert doc["datePublished"] == "2025-10-23T09:15:00+08:00"
    assert doc["articleBody"].startswith("Gubernur membuka jembatan")


def test_read_text(page):
    out = warta("read", str(page), "--format", "text").stdout.decode()
    assert out.startswith("Jembatan Baru Dibuka di Makassar\n")
    assert "TRIBUN-TIMUR.COM, MAKASSAR -" not in out
    assert "Jembatan sepanjang 120 meter" in out


@pytest.mark.parametrize("content", [b"", b"\x89PNG\r\n\x1a\n" + bytes(range(256))])
def test_unreadable_input_is_one_line_and_exit_2(tmp_path, content):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    done = warta("read", str(bad))
    assert done.returncode == 2
    assert done.stdout == b""
    lines = done.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("warta: ") and "Traceback" not in done.stderr.decode()


def test_missing_file_is_a_usage_error_without_traceback(tmp_path):
    done = warta("read", str(tmp_path / "nope.txt"))
    assert done.returncode != 0 and b"Traceback" not in done.stderr


def test_bundled_example_reads():
    done = warta("read", str(EXAMPLE))
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["headline"] and record["published"] and record["paragraphs"]


def test_max_bytes_limit(page):
    done = warta("read", str(page), "--max-bytes", "50")
    assert done.returncode == 2 and b"limit" in done.stderr
