# Build: a static binary with the default knowledge embedded.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/wieiswie ./cmd/wieiswie

# Run: a small image, a non-root user, knowledge and index as volumes.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/wieiswie /usr/local/bin/wieiswie
VOLUME ["/knowledge", "/index"]
ENV LISTEN_ADDR=:8080
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/wieiswie"]
CMD ["serve"]
