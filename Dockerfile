# ucfake as a container: a static binary on an empty image. Nothing is
# pulled; build the binary first (make image does both):
#   CGO_ENABLED=0 go build -o dist/ucfake ./cmd/ucfake
#   docker build --network=host -t ucfake:dev .
FROM scratch
COPY dist/ucfake /ucfake
# Loopback only: run the container with host networking (the way
# harness/container does) so that these are the host's 127.0.0.1 ports.
# Override them with -e UCFAKE_<FRONT END>_ADDR=... as needed.
ENV UCFAKE_CONTROL_ADDR=127.0.0.1:7780 UCFAKE_SIP_ADDR=127.0.0.1:7506 \
    UCFAKE_UCWA_ADDR=127.0.0.1:7782 UCFAKE_ADMIN_ADDR=127.0.0.1:7783 \
    UCFAKE_EWS_ADDR=127.0.0.1:7781 UCFAKE_IMAP_ADDR=127.0.0.1:7143
ENTRYPOINT ["/ucfake"]
