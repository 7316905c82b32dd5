# Build: a static binary with the example knowledge embedded, stamped with
# its version (docker build --build-arg VERSION=v1.2.0 --build-arg COMMIT=$(git rev-parse --short HEAD) .).
FROM golang:1.26-bookworm AS build
ARG VERSION=dev
ARG COMMIT=unknown
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION} -X main.commit=${COMMIT}" \
      -o /out/wieiswie ./cmd/wieiswie \
 && mkdir -p /out/root/index /out/root/data

# Run: a small image and a user who is not root. /index and /data are owned
# by that user: a named volume mounted there starts as a copy of it, so the
# bot can keep its index and its store of questions and feedback (a bind
# mount must be made writable for uid 65532).
FROM gcr.io/distroless/static-debian12:nonroot
ARG VERSION=dev
ARG COMMIT=unknown
LABEL org.opencontainers.image.title="wieiswie" \
      org.opencontainers.image.description="Slack bot: wie is wie in je gemeente" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${COMMIT}" \
      org.opencontainers.image.source="https://github.com/wieiswie/wieiswie"
COPY --from=build /out/wieiswie /usr/local/bin/wieiswie
COPY --from=build --chown=65532:65532 /out/root/ /
ENV LISTEN_ADDR=:8080 \
    INDEX_DIR=/index \
    DATA_DIR=/data
VOLUME ["/index", "/data"]
EXPOSE 8080
USER nonroot:nonroot
# distroless has no curl: the binary asks its own /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=2m --retries=3 \
  CMD ["/usr/local/bin/wieiswie", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/wieiswie"]
CMD ["serve"]
