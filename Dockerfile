# The image of Lanterne's distributed services (agent, processor, indexer, kibana import), used by docker-compose.yml.
#   docker build -t lanterne .          docker run --rm lanterne --help
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Only what the package build needs, so that editing tests or docs does not invalidate this layer.
WORKDIR /src
COPY pyproject.toml README.md ./
COPY services ./services
RUN pip install ".[formats,distributed]" && rm -rf /src

# No root at run time. State (agent outbox, Faust tables) lives in /var/lib/lanterne.
RUN useradd --system --uid 10001 --create-home --home-dir /var/lib/lanterne --shell /usr/sbin/nologin lanterne
USER lanterne
WORKDIR /var/lib/lanterne
ENV LANTERNE_STATE_DIR=/var/lib/lanterne

ENTRYPOINT ["lanterne"]
CMD ["--help"]
