# jdmatch serve in a container: the wheel and its dependencies are built in the first
# stage and installed offline in the second, which has no compiler, no build tools and no
# pip, and runs as an unprivileged user.
#
#   docker build -t jdmatch .
#   docker run --rm -p 8000:8000 -e JDMATCH_TOKEN="$(openssl rand -hex 32)" jdmatch
#
# Listening on 0.0.0.0 needs a token (JDMATCH_TOKEN); without one the server refuses to start.

FROM python:3.11-slim AS build
WORKDIR /src
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
COPY pyproject.toml README.md LICENSE ./
COPY src ./src
COPY lexicon ./lexicon
# the jdmatch wheel, then wheels of everything it needs with the serve and dask extras
RUN python -m pip wheel --no-deps --wheel-dir /wheels . \
 && python -m pip wheel --wheel-dir /wheels "$(ls /wheels/jdmatch-*.whl)[serve,dask]"

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN groupadd --system --gid 10001 jdmatch \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin jdmatch
RUN --mount=type=bind,from=build,source=/wheels,target=/wheels \
    python -m pip install --no-index --find-links=/wheels "jdmatch[serve,dask]" \
 && python -m pip uninstall -y pip setuptools wheel
USER 10001:10001
WORKDIR /tmp
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"]
ENTRYPOINT ["jdmatch"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
