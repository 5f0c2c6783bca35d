"""The one way to read an input, refuse to overwrite and write a file (pcc_priorities.files)."""

from __future__ import annotations

import errno
import multiprocessing
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import pcc_priorities as p
from pcc_priorities.files import (
    TEMPORARY_MARK,
    check_output,
    format_by_extension,
    package_files,
    read_input,
    write_output,
)

WRITERS = 8


def _names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def _write_one(target: str, number: int, start: threading.Barrier | None) -> str:
    if start is not None:
        start.wait()
    try:
        write_output(target, f"writer {number}\n" * 10_000)
    except p.OutputExistsError as error:
        return f"refused: {error}"
    return "wrote"


def test_concurrent_threads_create_a_new_file_exactly_once(tmp_path: Path) -> None:
    """Of 8 threads writing the same new file, one writes it whole; the others are refused."""
    target = tmp_path / "out.json"
    start = threading.Barrier(WRITERS)
    with ThreadPoolExecutor(WRITERS) as pool:
        outcomes = list(
            pool.map(_write_one, [str(target)] * WRITERS, range(WRITERS), [start] * WRITERS)
        )
    assert outcomes.count("wrote") == 1
    assert (
        outcomes.count(f"refused: {target} already exists; pass overwrite=True to replace it") == 7
    )
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 10_000
    assert len(set(lines)) == 1
    assert _names(tmp_path) == ["out.json"]


def _process_writer(
    target: str, number: int, start: threading.Barrier, results: multiprocessing.Queue[str]
) -> None:
    results.put(_write_one(target, number, start))


def test_concurrent_processes_create_a_new_file_exactly_once(tmp_path: Path) -> None:
    """Of 8 processes writing the same new file, exactly one succeeds and the file is whole."""
    target = tmp_path / "out.json"
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(WRITERS)
    results: multiprocessing.Queue[str] = context.Queue()
    workers = [
        context.Process(target=_process_writer, args=(str(target), number, start, results))
        for number in range(WRITERS)
    ]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert outcomes.count("wrote") == 1
    assert all(outcome.startswith("refused: ") for outcome in outcomes if outcome != "wrote")
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 10_000
    assert len(set(lines)) == 1
    assert _names(tmp_path) == ["out.json"]


def test_an_existing_file_or_dangling_link_is_refused_without_overwrite(tmp_path: Path) -> None:
    """An existing file, or a symbolic link to nothing, is kept unless overwrite is true."""
    existing = tmp_path / "existing.html"
    existing.write_text("keep", encoding="utf-8")
    dangling = tmp_path / "dangling.html"
    dangling.symlink_to(tmp_path / "nowhere")
    for target in (existing, dangling):
        with pytest.raises(p.OutputExistsError) as caught:
            write_output(target, "new")
        assert str(caught.value) == f"{target} already exists; pass overwrite=True to replace it"
        assert caught.value.describe("--overwrite").endswith("pass --overwrite to replace it")
        assert isinstance(caught.value, FileExistsError)
    assert existing.read_text(encoding="utf-8") == "keep"
    write_output(existing, "new", overwrite=True)
    assert existing.read_text(encoding="utf-8") == "new"
    write_output(dangling, "new", overwrite=True)
    assert not dangling.is_symlink()
    assert _names(tmp_path) == ["dangling.html", "existing.html"]


@pytest.mark.parametrize("link", ["same", "symbolic", "hard"])
def test_an_input_is_never_written_over(tmp_path: Path, link: str) -> None:
    """The output is refused when it is an input, by name or through a link, even to overwrite."""
    source = tmp_path / "statement.json"
    source.write_text("input", encoding="utf-8")
    output = tmp_path / "statement.html"
    if link == "same":
        output = source
    elif link == "symbolic":
        output.symlink_to(source)
    else:
        output.hardlink_to(source)
    with pytest.raises(p.OutputExistsError) as caught:
        write_output(output, "output", overwrite=True, inputs=[source])
    assert caught.value.input == str(source)
    assert "write the output to another file" in str(caught.value)
    assert source.read_text(encoding="utf-8") == "input"


def test_a_new_file_gets_the_usual_mode_and_a_replaced_one_keeps_its_own(tmp_path: Path) -> None:
    """New files get 0o666 less the umask; a replaced file keeps its permissions."""
    umask = os.umask(0o022)
    try:
        target = tmp_path / "new.txt"
        write_output(target, "x")
        assert target.stat().st_mode & 0o777 == 0o644
        target.chmod(0o600)
        write_output(target, "y", overwrite=True)
        assert target.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(umask)


def test_a_failed_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk is reported in words, naming the output, and the temporary file is gone."""
    target = tmp_path / "out.json"
    seen: list[str] = []

    def full(descriptor: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    real_open = os.open

    def spy(path: str, *args: object) -> int:
        seen.append(os.path.basename(path))
        return real_open(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", spy)
    monkeypatch.setattr(os, "fsync", lambda _descriptor: full(0, b""))
    with pytest.raises(p.FileProblemError) as caught:
        write_output(target, "data")
    message = str(caught.value)
    assert message == (
        f"{target}: cannot write the file: the disk is full; free some space and try again"
    )
    assert caught.value.errno == errno.ENOSPC
    assert seen
    assert seen[0].startswith(".out.json" + TEMPORARY_MARK)
    assert seen[0] not in message
    assert "Errno" not in message
    assert _names(tmp_path) == []


def test_without_hard_links_the_name_is_still_taken_exclusively(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a file system without hard links, a new file is still created once and whole."""

    def no_links(*_args: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "out.csv"
    write_output(target, "first")
    with pytest.raises(p.OutputExistsError):
        write_output(target, "second")
    assert target.read_text(encoding="utf-8") == "first"
    assert _names(tmp_path) == ["out.csv"]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (
            lambda folder: folder / "missing" / "out.html",
            "the folder {folder}/missing does not exist",
        ),
        (
            lambda folder: folder / "file.txt" / "out.html",
            "{folder}/file.txt is a file, not a folder",
        ),
        (lambda folder: folder / "folder", "it is a folder, not a file"),
    ],
)
def test_outputs_that_cannot_be_written_are_put_in_words(
    tmp_path: Path, make: object, reason: str
) -> None:
    """A missing folder, a file in the way or a folder as output: one sentence, no Errno."""
    (tmp_path / "file.txt").write_text("", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    target = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(p.FileProblemError) as caught:
        write_output(target, "data", overwrite=True)
    message = str(caught.value)
    assert message.startswith(
        f"{target}: cannot write the file: {reason.format(folder=tmp_path)}; "
    )
    assert "Errno" not in message
    assert isinstance(caught.value, OSError)
    assert _names(tmp_path) == ["file.txt", "folder"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_a_folder_without_write_permission_is_put_in_words(tmp_path: Path) -> None:
    """A folder that may not be written to gives "permission denied"."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(p.FileProblemError, match="cannot write the file: permission denied"):
            write_output(folder / "out.html", "data")
    finally:
        folder.chmod(0o700)


def test_inputs_that_cannot_be_read_are_put_in_words(tmp_path: Path) -> None:
    """A missing file and a folder are reported in words, as FileProblemError (an OSError)."""
    with pytest.raises(p.FileProblemError) as caught:
        read_input(tmp_path / "missing.json")
    assert str(caught.value) == (
        f"{tmp_path / 'missing.json'}: cannot read the file: no such file; "
        "check the file's name and folder"
    )
    assert isinstance(caught.value, OSError)
    assert caught.value.errno == errno.ENOENT
    with pytest.raises(p.FileProblemError, match="it is a folder, not a file"):
        p.load(tmp_path)


def test_check_output_refuses_before_any_work(tmp_path: Path) -> None:
    """check_output says no to an existing output and yes to a new one in an existing folder."""
    existing = tmp_path / "a.html"
    existing.write_text("", encoding="utf-8")
    with pytest.raises(p.OutputExistsError):
        check_output(existing)
    check_output(existing, overwrite=True)
    check_output(tmp_path / "b.html")
    with pytest.raises(p.FileProblemError, match="does not exist"):
        check_output(tmp_path / "no" / "b.html")


def test_format_by_extension_lists_the_known_ones_and_checks_a_choice() -> None:
    """An unknown extension names the known ones; a chosen format must match the extension."""
    formats = {".html": "html", ".htm": "html", ".md": "md"}
    assert format_by_extension("Out.HTM", formats) == "html"
    assert format_by_extension("out.md", formats, chosen="md") == "md"
    with pytest.raises(p.UnsupportedFormatError, match=r"'\.pdf'; use one of \.html, \.htm, \.md"):
        format_by_extension("out.pdf", formats)
    with pytest.raises(p.UnsupportedFormatError, match="the format html does not match"):
        format_by_extension("out.md", formats, chosen="html")


def test_permission_denied_is_put_in_words_even_for_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A refusal to create the temporary file says "permission denied", naming the output."""
    real_open = os.open

    def refuse(path: str, flags: int, mode: int = 0o777) -> int:
        if TEMPORARY_MARK in os.path.basename(path):
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", refuse)
    target = tmp_path / "out.html"
    with pytest.raises(p.FileProblemError) as caught:
        write_output(target, "data")
    assert str(caught.value) == (
        f"{target}: cannot write the file: permission denied; "
        f"write to a folder you may write to, not {tmp_path}"
    )


def test_package_files_are_the_packages_folder_on_disk() -> None:
    """A package installed as files gives its folder, as importlib.resources would."""
    from importlib import resources  # noqa: PLC0415

    from pcc_priorities import reference  # noqa: PLC0415

    folder = package_files("pcc_priorities.reference", reference.__file__)
    assert folder == Path(reference.__file__).parent
    assert str(folder) == str(resources.files("pcc_priorities.reference"))
    assert (folder / "data" / "forces.json").read_text("utf-8").startswith("{")


def test_package_files_fall_back_to_importlib_resources(tmp_path: Path) -> None:
    """Where the module's file is in no folder (a zip archive), importlib.resources reads."""
    inside_a_zip = str(tmp_path / "app.zip" / "pcc_priorities" / "reference" / "__init__.py")
    folder = package_files("pcc_priorities.reference", inside_a_zip)
    assert (folder / "data" / "forces.json").read_text("utf-8").startswith("{")
    assert package_files("pcc_priorities.reference", None).name == "reference"
