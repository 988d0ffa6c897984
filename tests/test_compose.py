"""docker-compose.yml, the Dockerfile and the nginx config agree with the code.

There is no Docker engine on these machines, so the stack is checked by
reading it: every command names a management command or module that exists,
every variable a service sets is one the code (or a library it uses) reads,
every ${VARIABLE} is documented in .env.example, ports line up between
commands, healthchecks, URLs and nginx, volumes and bind mounts exist, no
secret is written into the file, and the Django services' environment passes
`manage.py check --deploy`. The checks derive everything from the files, so
they keep working when services or variables are added.
"""

import importlib.util
import re
import secrets
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
COMPOSE_FILE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / ".env.example"
NGINX_CONF = ROOT / "docker" / "nginx" / "default.conf"
CODE_DIRS = ("cms", "build", "search", "docker")

# Variables read by a library rather than by our code, with the installed
# package that reads them (checked below, so the claim cannot go stale).
LIBRARY_ENV = {
    "AWS_ACCESS_KEY_ID": "botocore",
    "AWS_SECRET_ACCESS_KEY": "botocore",
    "AWS_ENDPOINT_URL": "botocore",
    "AWS_DEFAULT_REGION": "botocore",
}
# Ports of third-party images that listen where their image says by default.
IMAGE_DEFAULT_PORTS = {"postgres": {5432}}
REQUIRED_SERVICES = {
    "postgres",
    "elasticsearch",
    "minio",
    "cms",
    "worker",
    "search-api",
    "web",
}
SECRET_NAME = re.compile(r"PASSWORD|SECRET|TOKEN|(^|_)KEY($|_)")
INTERPOLATION = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}")
URL_IN_TEXT = re.compile(r"\b[a-z][a-z0-9+.-]*://(?:[^/@\s\"']*@)?([A-Za-z0-9_.-]+):(\d+)")


# --- reading the files -------------------------------------------------------


def compose_text():
    return COMPOSE_FILE.read_text(encoding="utf-8")


def compose():
    return yaml.safe_load(compose_text())


def services():
    return compose()["services"]


def app_services():
    """Services built from this repository's Dockerfile."""
    return {name: svc for name, svc in services().items() if "build" in svc}


def env_example():
    """Every NAME=value line of .env.example, commented-out ones included."""
    documented = {}
    for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^#?\s*([A-Z][A-Z0-9_]*)=(.*)$", line.strip())
        if match:
            documented.setdefault(match.group(1), match.group(2).strip())
    return documented


def example_env_with_secrets():
    """.env.example's values, with a fresh random value for each empty secret."""
    values = env_example()
    for name, value in values.items():
        if not value:
            values[name] = secrets.token_urlsafe(48)
    return values


def interpolate(value, env):
    def replace(match):
        name, operator, argument = match.groups()
        current = env.get(name)
        if operator in (":-", "-"):
            missing = current is None or (operator == ":-" and current == "")
            return argument if missing else current
        if operator in (":?", "?") and (current is None or (operator == ":?" and not current)):
            raise KeyError(f"{name} is required: {argument}")
        return current or ""

    return INTERPOLATION.sub(replace, str(value)).replace("$$", "$")


def service_env(service, env):
    environment = service.get("environment") or {}
    if isinstance(environment, list):
        environment = dict(item.split("=", 1) for item in environment)
    return {key: interpolate(value, env) for key, value in environment.items()}


def command_of(service):
    command = service.get("command") or []
    return shlex.split(command) if isinstance(command, str) else [str(part) for part in command]


def healthcheck_text(service):
    test = (service.get("healthcheck") or {}).get("test") or []
    return " ".join(test) if isinstance(test, list) else str(test)


def dependencies(service):
    depends_on = service.get("depends_on") or {}
    return dict.fromkeys(depends_on, {}) if isinstance(depends_on, list) else depends_on


def volume_mounts(service):
    """(source, target, read_only) for every volume entry of a service."""
    mounts = []
    for entry in service.get("volumes") or []:
        if isinstance(entry, dict):
            mounts.append((entry["source"], entry["target"], bool(entry.get("read_only"))))
        else:
            parts = entry.split(":")
            read_only = len(parts) > 2 and "ro" in parts[2].split(",")
            mounts.append((parts[0], parts[1], read_only))
    return mounts


def is_bind_mount(source):
    return source.startswith((".", "/", "~"))


def code_text():
    """All Python and shell source of the code directories, as one string."""
    chunks = []
    for folder in CODE_DIRS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in {".py", ".sh"} and "migrations" not in path.parts:
                chunks.append(path.read_text(encoding="utf-8"))
    return "\n".join(chunks)


def read_by_code(name, source):
    """True when the source mentions NAME as a string literal or a shell variable."""
    return bool(re.search(rf"""["']{name}["']|\$\{{?{name}\b""", source))


def read_by_library(name):
    package = LIBRARY_ENV.get(name)
    if not package:
        return False
    spec = importlib.util.find_spec(package)
    folder = Path(spec.origin).parent
    return any(name in path.read_text(errors="ignore") for path in folder.rglob("*.py"))


def nginx_conf():
    return NGINX_CONF.read_text(encoding="utf-8")


def nginx_service_name():
    for name, service in services().items():
        if any(src.endswith(NGINX_CONF.name) for src, _, _ in volume_mounts(service)):
            return name
    raise AssertionError(f"no service mounts {NGINX_CONF.relative_to(ROOT)}")


def flag_value(command, *flags):
    for index, part in enumerate(command):
        for flag in flags:
            if part == flag and index + 1 < len(command):
                return command[index + 1]
            if part.startswith(flag + "="):
                return part.split("=", 1)[1]
    return None


def listening_ports(name, service):
    """The ports a service's process listens on, read from its own config."""
    ports = set()
    command = command_of(service)
    for value in (flag_value(command, "--port"), flag_value(command, "--bind", "--address")):
        if value:
            ports.add(int(value.rsplit(":", 1)[-1]))
    environment = service.get("environment") or {}
    if isinstance(environment, dict) and "http.port" in environment:
        ports.add(int(environment["http.port"]))
    if name == nginx_service_name():
        ports |= {int(port) for port in re.findall(r"^\s*listen\s+(\d+)", nginx_conf(), re.M)}
    image = str(service.get("image", "")).split("/")[-1].split(":")[0]
    return ports or IMAGE_DEFAULT_PORTS.get(image, set())


# --- services, images, healthchecks ------------------------------------------


def test_the_stack_has_every_service_of_the_design():
    assert set(services()) >= REQUIRED_SERVICES


def test_third_party_images_are_pinned_to_a_version():
    for name, service in services().items():
        if "build" in service:
            continue
        image = service["image"]
        tag = image.rsplit(":", 1)[-1] if ":" in image.split("/")[-1] else ""
        assert tag and tag != "latest" and re.search(r"\d", tag), f"{name}: {image} is not pinned"


def test_long_running_services_have_healthchecks():
    for name, service in services().items():
        if str(service.get("restart", "no")) == "no":
            continue  # a one-shot job
        assert healthcheck_text(service), f"{name} has no healthcheck"


def test_depends_on_conditions_are_satisfiable():
    all_services = services()
    for name, service in all_services.items():
        for dependency, options in dependencies(service).items():
            assert dependency in all_services, f"{name} depends on unknown {dependency}"
            condition = (options or {}).get("condition", "service_started")
            target = all_services[dependency]
            if condition == "service_healthy":
                assert healthcheck_text(target), f"{name} waits for {dependency}'s health"
            elif condition == "service_completed_successfully":
                assert str(target.get("restart", "no")) == "no", f"{dependency} is not one-shot"


def test_volumes_are_declared_and_bind_mounts_exist():
    declared = set(compose().get("volumes") or {})
    used = set()
    for name, service in services().items():
        for source, target, _ in volume_mounts(service):
            assert target.startswith("/"), f"{name}: {target} is not an absolute path"
            if is_bind_mount(source):
                assert (ROOT / source).exists(), f"{name} mounts missing {source}"
            else:
                assert source in declared, f"{name} uses undeclared volume {source}"
                used.add(source)
    assert declared == used, f"declared but unused volumes: {declared - used}"


def test_networks_are_declared():
    declared = set(compose().get("networks") or {})
    for name, service in services().items():
        networks = service.get("networks") or []
        assert set(networks) <= declared, f"{name} uses undeclared networks"


# --- environment -----------------------------------------------------------------


def test_every_variable_our_services_set_is_read_by_the_code():
    source = code_text()
    for name, service in app_services().items():
        for variable in service.get("environment") or {}:
            assert read_by_code(variable, source) or read_by_library(variable), (
                f"{name} sets {variable}, which nothing reads"
            )


def strings_in(data):
    if isinstance(data, dict):
        for key, value in data.items():
            yield str(key)
            yield from strings_in(value)
    elif isinstance(data, list):
        for item in data:
            yield from strings_in(item)
    elif data is not None:
        yield str(data)


def interpolated_names(text):
    """Variables compose substitutes in a value ($${NAME} is left to the container)."""
    return {
        m.group(1)
        for m in INTERPOLATION.finditer(text)
        if m.start() == 0 or text[m.start() - 1] != "$"
    }


def test_every_interpolated_variable_is_documented_and_every_documented_one_used():
    documented = env_example()
    referenced = set().union(*(interpolated_names(text) for text in strings_in(compose())))
    assert referenced - set(documented) == set(), "document these in .env.example"
    source = code_text()
    unused = {
        name
        for name in documented
        if name not in referenced and not read_by_code(name, source) and name not in LIBRARY_ENV
    }
    assert unused == set(), f".env.example documents variables nothing reads: {unused}"


# Names in a WSGI environ, read by the search API's request handling: not settings.
WSGI_NAMES = re.compile(
    r"^(HTTP_\w+|REMOTE_ADDR|PATH_INFO|QUERY_STRING|REQUEST_METHOD|CONTENT_\w+|SERVER_\w+)$"
)


def test_every_variable_the_code_reads_is_documented():
    source = code_text()
    settings_reads = set(re.findall(r"env_(?:str|bool|list)\(\s*\"([A-Z][A-Z0-9_]*)\"", source))
    assert settings_reads, "the settings read no variable: has the helper been renamed?"
    other_reads = re.findall(
        r"(?:environ|env)(?:\.get\(|\[)\s*\"([A-Z][A-Z0-9_]*)\"|getenv\(\s*\"([A-Z][A-Z0-9_]*)\"",
        source,
    )
    read = settings_reads | {name for pair in other_reads for name in pair if name}
    read = {name for name in read if not WSGI_NAMES.match(name)}
    assert read - set(env_example()) == set(), "document these in .env.example"


def test_a_variable_set_on_several_services_has_one_value():
    # e.g. the index name the worker writes must be the one the search API reads.
    env = example_env_with_secrets()
    seen = {}
    for name, service in app_services().items():
        for variable, value in service_env(service, env).items():
            seen.setdefault(variable, {})[name] = value
    for variable, values in seen.items():
        assert len(set(values.values())) == 1, f"{variable} differs: {values}"


def test_trusted_proxy_addresses_belong_to_the_proxy():
    all_services = services()
    fixed = {}
    for name, service in all_services.items():
        networks = service.get("networks") or {}
        if isinstance(networks, dict):
            for options in networks.values():
                if (options or {}).get("ipv4_address"):
                    fixed[options["ipv4_address"]] = name
    for name, service in all_services.items():
        for variable, value in (service.get("environment") or {}).items():
            if "TRUSTED_PROX" not in variable:
                continue
            for address in filter(None, (part.strip() for part in str(value).split(","))):
                assert address in fixed, f"{name}.{variable}: {address} is no service's address"
                assert name in waits_for(fixed[address]), f"{fixed[address]} does not proxy {name}"


def test_no_secret_is_written_into_the_compose_file():
    for name, service in services().items():
        for variable, value in (service.get("environment") or {}).items():
            value = str(value)
            if SECRET_NAME.search(variable):
                match = INTERPOLATION.fullmatch(value)
                assert match and match.group(2) in (None, ":?", "?"), (
                    f"{name}.{variable} must come from .env without a default"
                )
            for userinfo in re.findall(r"://[^/@\s]*:([^/@\s]*)@", value):
                match = INTERPOLATION.fullmatch(userinfo)
                assert match and match.group(2) in (None, ":?", "?"), (
                    f"{name}.{variable} has a password in its URL"
                )
    for variable, value in env_example().items():
        if SECRET_NAME.search(variable) and not variable.endswith("_ID"):
            assert value == "", f".env.example must leave {variable} empty"


def test_compose_refuses_to_start_without_the_secrets():
    env = example_env_with_secrets()
    env.pop("SECRET_KEY")
    with pytest.raises(KeyError, match="SECRET_KEY"):
        service_env(services()["cms"], env)


# --- commands ------------------------------------------------------------------


def assert_command_exists(where, command):
    from django.core.management import get_commands

    assert command, f"{where} has no command"
    if command[:2] == ["python", "manage.py"]:
        assert command[2] in get_commands(), f"{where}: no management command {command[2]}"
    elif command[:2] == ["python", "-m"]:
        assert importlib.util.find_spec(command[2]), f"{where}: no module {command[2]}"
    elif command[0] == "gunicorn":
        # Read, not imported: importing a WSGI module builds the whole handler.
        # The WSGI target: the `module:attribute` argument (not a `python:` config).
        target = next(
            arg
            for arg in command[1:]
            if re.fullmatch(r"[A-Za-z_][\w.]*:[A-Za-z_]\w*", arg) and not arg.startswith("python:")
        )
        module, _, attribute = target.partition(":")
        spec = importlib.util.find_spec(module)
        assert spec, f"{where}: no module {module}"
        source = Path(spec.origin).read_text(encoding="utf-8")
        assert re.search(rf"^{attribute or 'application'}\s*=", source, re.M), where
    else:
        raise AssertionError(f"{where}: cannot tell what {command[0]} runs")


def test_commands_of_our_services_exist():
    for name, service in app_services().items():
        assert_command_exists(name, command_of(service))


def test_python_modules_named_by_commands_parse():
    for name, service in app_services().items():
        command = command_of(service)
        if command[:2] == ["python", "-m"]:
            spec = importlib.util.find_spec(command[2])
            assert spec and spec.origin, f"{name}: {command[2]} is not importable"
            compile(Path(spec.origin).read_text(encoding="utf-8"), spec.origin, "exec")


def test_healthcheck_and_entrypoint_scripts_exist():
    for name, service in services().items():
        for path in re.findall(r"(docker/[\w/.-]+)", healthcheck_text(service)):
            assert (ROOT / path).is_file(), f"{name}'s healthcheck runs missing {path}"
    for script in sorted((ROOT / "docker").rglob("*.sh")):
        subprocess.run(["sh", "-n", str(script)], check=True)


# --- ports ---------------------------------------------------------------------------


def test_published_ports_and_healthchecks_use_the_listening_port():
    env = example_env_with_secrets()
    for name, service in services().items():
        listening = listening_ports(name, service)
        for mapping in service.get("ports") or []:
            container_port = int(interpolate(mapping, env).rsplit(":", 1)[-1])
            assert container_port in listening, f"{name} publishes {container_port}, not served"
        health = healthcheck_text(service)
        checked = {int(port) for port in re.findall(r"(?:127\.0\.0\.1|localhost):(\d+)", health)}
        checked |= {int(port) for port in re.findall(r"\s-p\s+(\d+)", health)}
        if "://" in health:
            assert checked, f"{name}'s healthcheck names no port"
        assert checked <= listening, f"{name}'s healthcheck probes {checked}, serves {listening}"


def waits_for(name):
    """Every service that starts before `name`, through depends_on, transitively."""
    all_services, seen, todo = services(), set(), [name]
    while todo:
        for dependency in dependencies(all_services[todo.pop()]):
            if dependency not in seen:
                seen.add(dependency)
                todo.append(dependency)
    return seen


def test_urls_between_services_name_a_listening_port_and_a_dependency():
    env = example_env_with_secrets()
    all_services = services()
    links = []
    for name, service in all_services.items():
        for value in service_env(service, env).values():
            links += [(name, host, int(port)) for host, port in URL_IN_TEXT.findall(value)]
    nginx = nginx_service_name()
    for host, port in re.findall(r"proxy_pass\s+https?://([\w.-]+):(\d+)", nginx_conf()):
        links.append((nginx, host, int(port)))
    assert links, "no service talks to another one?"
    for name, host, port in links:
        if host not in all_services:
            continue  # outside the stack (e.g. a real S3 endpoint)
        assert port in listening_ports(host, all_services[host]), f"{name} → {host}:{port}"
        assert host in waits_for(name), f"{name} talks to {host} without waiting for it"


def test_dockerfile_exposes_the_cms_port():
    exposed = {int(port) for port in re.findall(r"^EXPOSE\s+(\d+)", dockerfile(), re.M)}
    assert exposed == listening_ports("cms", services()["cms"])


# --- Django services in production mode ------------------------------------------------


def run_django(env, *args):
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.mark.parametrize("name", ["cms", "worker"])
def test_django_services_pass_the_deploy_checks_with_their_environment(name):
    import os

    service = services()[name]
    env = {**os.environ, **service_env(service, example_env_with_secrets())}
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings"
    probe = run_django(
        env,
        "-c",
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'debug': s.DEBUG, 'db': s.DATABASES['default'], "
        "'tasks': s.TASKS['default']['BACKEND'], 'static': str(s.STATIC_ROOT)}, default=str))",
    )
    assert probe.returncode == 0, probe.stderr
    import json

    configured = json.loads(probe.stdout.strip().splitlines()[-1])
    assert configured["debug"] is False
    assert configured["db"]["ENGINE"].endswith("postgresql")
    assert configured["db"]["HOST"] in services(), "the database is a service of the stack"
    assert configured["tasks"].endswith("DatabaseBackend"), "db_worker needs the database backend"
    if name == "cms":  # the worker runs the same settings; once is enough
        check = run_django(env, "manage.py", "check", "--deploy", "--fail-level", "WARNING")
        assert check.returncode == 0, check.stdout + check.stderr


# --- Dockerfile -------------------------------------------------------------------------


def dockerfile():
    return (ROOT / "Dockerfile").read_text(encoding="utf-8")


def test_dockerfile_base_is_slim_pinned_python_3_11():
    bases = re.findall(r"^FROM\s+(\S+)", dockerfile(), re.M)
    assert bases and all(re.fullmatch(r"python:3\.11\.\d+-slim(-\w+)?", base) for base in bases)


def test_dockerfile_runs_as_an_unprivileged_user():
    users = re.findall(r"^USER\s+(\S+)", dockerfile(), re.M)
    assert users, "no USER: the container would run as root"
    user = users[-1].split(":")[0]
    assert user not in {"root", "0"}
    last_user = dockerfile().rindex("\nUSER ")
    assert dockerfile().rindex("\nCMD ") > last_user, "CMD must run after USER"


def test_dockerfile_installs_the_lock_and_collects_static_files():
    text = dockerfile()
    assert "requirements.lock" in text
    assert re.search(r"-c requirements\.lock|-r requirements\.lock", text)
    assert re.search(r"manage\.py collectstatic", text)
    cmd = re.search(r"^CMD\s+(\[.*\])", text, re.M).group(1)
    assert_command_exists("Dockerfile CMD", yaml.safe_load(cmd))


def test_dockerignore_keeps_secrets_and_local_state_out_of_the_image():
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".env", ".git", ".venv", "var", "dist"} <= set(ignored)


# --- nginx (web) ----------------------------------------------------------------------


def nginx_mounts():
    return volume_mounts(services()[nginx_service_name()])


def mount_containing(mounts, path):
    for source, target, read_only in mounts:
        if path == target or path.startswith(target.rstrip("/") + "/"):
            return source, target, read_only
    return None


def test_nginx_files_it_includes_are_mounted():
    mounts = nginx_mounts()
    for path in re.findall(r"^\s*include\s+([^;\s]+);", nginx_conf(), re.M):
        assert mount_containing(mounts, path), f"nginx includes {path}, which is not mounted"


def test_nginx_serves_the_build_output_of_the_builders():
    root = re.search(r"^\s*root\s+([^;\s]+);", nginx_conf(), re.M).group(1)
    fixed_prefix = root.split("$", 1)[0].rstrip("/")
    mount = mount_containing(nginx_mounts(), fixed_prefix)
    assert mount and not is_bind_mount(mount[0]), f"nginx root {root} is not on a volume"
    assert mount[2], "the web service must mount the sites read-only"
    relative = fixed_prefix[len(mount[1].rstrip("/")) :]
    env = example_env_with_secrets()
    for builder in ("cms", "worker"):
        service = services()[builder]
        builder_mounts = {src: (tgt, ro) for src, tgt, ro in volume_mounts(service)}
        assert mount[0] in builder_mounts, f"{builder} does not write into {mount[0]}"
        target, read_only = builder_mounts[mount[0]]
        assert not read_only, f"{builder} mounts {mount[0]} read-only"
        # The builders write DIST_DIR/<slug>/; nginx serves <that folder>/$site.
        assert service_env(service, env)["DIST_DIR"] == target.rstrip("/") + relative


def test_nginx_reads_the_sites_map_where_the_entrypoint_writes_it():
    entrypoint = (ROOT / "docker" / "entrypoint.sh").read_text(encoding="utf-8")
    variable = re.search(r'sites_map\.py\s+\S+\s+"\$\{(\w+)\}"', entrypoint).group(1)
    writers = [
        (name, service_env(service, example_env_with_secrets())[variable], service)
        for name, service in app_services().items()
        if variable in (service.get("environment") or {})
    ]
    assert writers, f"no service sets {variable}: nginx would have no hostname map"
    for name, path, service in writers:
        source, target, read_only = mount_containing(volume_mounts(service), path)
        assert not is_bind_mount(source) and not read_only, f"{name} cannot write {path}"
        web_target = next((tgt for src, tgt, _ in nginx_mounts() if src == source), None)
        assert web_target, f"the web service does not mount {source}"
        assert f"include {web_target}{path[len(target) :]};" in nginx_conf()
        assert name in waits_for(nginx_service_name()), "nginx must start after the map exists"


def test_every_nginx_location_that_sets_headers_repeats_the_security_headers():
    # nginx drops the server's add_header lines in a location that has its own.
    text = nginx_conf()
    for match in re.finditer(r"location\s+[^{]+\{", text):
        depth, index = 1, match.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(text[index], 0)
            index += 1
        block = text[match.end() : index]
        if "add_header" in block:
            assert "security-headers.conf" in block, f"{match.group(0)} loses the headers"


def test_security_headers_are_complete():
    headers = (ROOT / "docker" / "nginx" / "security-headers.conf").read_text(encoding="utf-8")
    values = dict(re.findall(r'^add_header\s+(\S+)\s+"([^"]*)"\s+always;', headers, re.M))
    csp = values["Content-Security-Policy"]
    for directive in ("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"):
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert values["X-Content-Type-Options"] == "nosniff"
    assert values["Referrer-Policy"]
    assert values["Strict-Transport-Security"].startswith("max-age=")


def csp_directives(policy):
    directives = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def allows(header_sources, source):
    if source in header_sources:
        return True
    scheme = source.split("://", 1)[0] + ":" if "://" in source else None
    return scheme in header_sources


def test_the_header_policy_is_no_narrower_than_the_pages_own_policy():
    # Browsers enforce the header and the page's <meta> policy together: a
    # header stricter than the page would block what the page legitimately loads.
    from build.render import make_csp

    headers = (ROOT / "docker" / "nginx" / "security-headers.conf").read_text(encoding="utf-8")
    header = csp_directives(re.search(r'Content-Security-Policy\s+"([^"]+)"', headers).group(1))
    page = csp_directives(
        make_csp(
            "https://tim-kiem.longan.gov.vn/api/search",
            ["https://longan.gov.vn", "https://sokhdt.longan.gov.vn"],
        )
    )
    for directive, sources in page.items():
        allowed = header.get(directive, header["default-src"])
        for source in sources:
            assert allows(allowed, source), f"header {directive} blocks the page's {source}"
