#!/usr/bin/env python3
"""Checks the Dockerfile against the jar's real layout, without Docker.

Replays the Dockerfile's run stage on this machine: extracts the built jar's layers the way its build
stage does, checks that the COPY lines take exactly the layers the jar declares (BOOT-INF/layers.idx),
assembles them into one folder as the image's /app, runs the AOT training command, starts the
ENTRYPOINT (on the embedded database, as the image has no server) and runs the HEALTHCHECK command
against it. Exits non-zero, saying what does not match, on any difference.

Usage (from the repository root, after ./mvnw package): scripts/check-dockerfile.py
"""
import glob, json, os, re, shlex, shutil, socket, subprocess, sys, tempfile, time, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAVA = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")


def fail(message):
    print("Dockerfile check FAILED: " + message)
    sys.exit(1)


def instructions(text):
    """(keyword, arguments) per instruction, continuation lines joined, comments dropped."""
    lines, current = [], ""
    for line in text.splitlines():
        if line.strip().startswith("#") and not current:
            continue
        current += line.rstrip()
        if current.endswith("\\"):
            current = current[:-1] + " "
            continue
        if current.strip():
            keyword, _, rest = current.strip().partition(" ")
            lines.append((keyword.upper(), rest.strip()))
        current = ""
    return lines


def tool_options(final, stop):
    """JAVA_TOOL_OPTIONS as the image sets it before instruction number stop (ENV lines), or None."""
    value = None
    for keyword, rest in final[:stop]:
        if keyword == "ENV":
            for part in shlex.split(rest):
                key, _, val = part.partition("=")
                if key == "JAVA_TOOL_OPTIONS":
                    value = val
    return value


def stages(parsed):
    result, name = {}, None
    for keyword, rest in parsed:
        if keyword == "FROM":
            m = re.search(r"\bAS\s+(\S+)", rest, re.I)
            name = m.group(1) if m else "final"
            result[name] = []
        elif name:
            result[name].append((keyword, rest))
    return result


def main():
    parsed = instructions(open(os.path.join(ROOT, "Dockerfile")).read())
    found = stages(parsed)
    if "build" not in found or "final" not in found:
        fail("expected a stage 'AS build' and a final stage")
    build, final = found["build"], found["final"]
    jars = [j for j in glob.glob(os.path.join(ROOT, "target", "coproduction-impact-*.jar")) if not j.endswith("-plain.jar")]
    if not jars:
        fail("no jar in target/: run ./mvnw package first")
    jar = jars[0]

    # The build stage's extract command, and its destination.
    extract = next((r for k, r in build if k == "RUN" and "-Djarmode=tools" in r), None)
    if not extract:
        fail("the build stage does not extract the jar's layers (java -Djarmode=tools ... extract)")
    m = re.search(r"cp target/coproduction-impact-\*\.jar (\S+)", extract)
    jar_name = m.group(1) if m else fail("the build stage does not copy the jar to a fixed name")
    workdir = next(r for k, r in build if k == "WORKDIR")
    m = re.search(r"--destination (\S+)", extract)
    destination = os.path.join(workdir, m.group(1))

    with zipfile.ZipFile(jar) as z:
        declared = re.findall(r'^- "([^"]+)":', z.read("BOOT-INF/layers.idx").decode(), re.M)
    copies = []
    for k, r in final:
        if k == "COPY" and r.startswith("--from=build"):
            src, dest = shlex.split(r)[1:3]
            copies.append((src, dest))
    copied_layers = [os.path.relpath(src.rstrip("/"), destination) for src, _ in copies]
    if sorted(copied_layers) != sorted(declared):
        fail("the image copies layers %s but the jar declares %s" % (copied_layers, declared))
    print("layers: the image copies exactly the jar's layers %s" % declared)

    work = tempfile.mkdtemp(prefix="dockerfile-check-")
    print("working in " + work)
    try:
        shutil.copy(jar, os.path.join(work, jar_name))
        extract_cmd = extract[extract.index("java -Djarmode"):]
        subprocess.run(shlex.split(extract_cmd.replace("java ", JAVA + " ", 1)), cwd=work, check=True, stdout=subprocess.DEVNULL)
        final_workdir = next(r for k, r in final if k == "WORKDIR")
        app = os.path.join(work, "image" + final_workdir)
        os.makedirs(app)
        for src, dest in copies:
            source = os.path.join(work, os.path.relpath(src, workdir))
            if not os.path.isdir(source):
                fail("COPY %s: the extracted jar has no %s" % (src, source))
            shutil.copytree(source, os.path.join(app, dest) if dest not in ("./", ".") else app, dirs_exist_ok=True)

        def local(command):
            # The image's paths, in one pass so a replaced path is not replaced again.
            mapping = {final_workdir + "/": app + "/", "/tmp/": work + "/tmp/"}
            return re.sub(r"(?<![\w.-])(%s)" % "|".join(re.escape(k) for k in mapping), lambda m: mapping[m.group(1)], command)

        entry = json.loads(next(r for k, r in final if k == "ENTRYPOINT"))
        jar_in_image = entry[entry.index("-jar") + 1]
        if not os.path.isfile(local(jar_in_image)):
            fail("ENTRYPOINT runs %s, which the copied layers do not make" % jar_in_image)
        training = next((r for k, r in final if k == "RUN" and "AOTCacheOutput" in r), None)
        cache = next((a.split("=", 1)[1] for a in entry if a.startswith("-XX:AOTCache=")), None)
        if training and cache:
            if ("-XX:AOTCacheOutput=" + cache) not in training:
                fail("the training run writes another AOT cache than the ENTRYPOINT reads (%s)" % cache)
            os.makedirs(os.path.join(work, "tmp"), exist_ok=True)
            first = training.split("&&")[0]
            env = dict(os.environ)
            env.pop("SPRING_DATASOURCE_URL", None)
            options = tool_options(final, next(i for i, (k, r) in enumerate(final) if k == "RUN" and "AOTCacheOutput" in r))
            if options is not None:
                env["JAVA_TOOL_OPTIONS"] = options
            run = subprocess.run(shlex.split(local(first).replace("java ", JAVA + " ", 1)), cwd=app, env=env,
                                 capture_output=True, text=True, timeout=600)
            if run.returncode != 0 or not os.path.isfile(local(cache)):
                fail("the AOT training run failed:\n" + run.stdout[-3000:] + run.stderr[-3000:])
            print("AOT cache: the training run made %s (%.0f MB)" % (cache, os.path.getsize(local(cache)) / 1048576))

        # Start the ENTRYPOINT (without the prod profile: here it uses the embedded database) and run the HEALTHCHECK.
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = dict(os.environ, PORT=str(port), APP_DEMO_ENABLED="false")
        env.pop("SPRING_DATASOURCE_URL", None)
        options = tool_options(final, len(final))
        if options is not None:
            env["JAVA_TOOL_OPTIONS"] = options
            print("JVM options as in the image: " + options)
        command = [JAVA if a == "java" else local(a) for a in entry] + ["--app.embedded-db.data-dir=" + work + "/db"]
        log = open(os.path.join(work, "app.log"), "w")
        process = subprocess.Popen(command, cwd=app, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            health = json.loads(next(r for k, r in final if k == "HEALTHCHECK").split(" CMD ", 1)[1])
            deadline = time.time() + 180
            while True:
                if process.poll() is not None:
                    fail("the ENTRYPOINT ended:\n" + open(os.path.join(work, "app.log")).read()[-3000:])
                if subprocess.run(health, env=env, capture_output=True, timeout=10).returncode == 0:
                    break
                if time.time() > deadline:
                    fail("the HEALTHCHECK never passed:\n" + open(os.path.join(work, "app.log")).read()[-3000:])
                time.sleep(1)
            started = re.search(r"Started \S+ in ([0-9.]+) seconds", open(os.path.join(work, "app.log")).read())
            print("ENTRYPOINT: started%s and the HEALTHCHECK passes" % (" in %s s" % started.group(1) if started else ""))
        finally:
            process.terminate()
            process.wait(timeout=60)
    finally:
        if not os.environ.get("KEEP"):
            shutil.rmtree(work, ignore_errors=True)
    print("Dockerfile check passed")


if __name__ == "__main__":
    main()
