# ucfake as a container: a static binary on an empty image. Nothing is
# pulled; build the binary first (make image does both):
#   CGO_ENABLED=0 go build -o dist/ucfake ./cmd/ucfake
#   docker build --network=host -t ucfake:dev .
FROM scratch
COPY dist/ucfake /ucfake
# Every face listens on all interfaces of the container's own network
# namespace (the binary's defaults are loopback), so that published ports
# reach it: docker run --rm -p 7780-7783:7780-7783 -p 7143:7143 -p 7506:7506 ucfake:dev
# The control plane still answers loopback Host names only (localhost,
# 127.0.0.1): reached by another name (a compose service, a remote engine),
# add -e UCFAKE_CONTROL_ALLOWED_HOSTS=<name>. harness/container sets the
# addresses itself for host networking.
ENV UCFAKE_CONTROL_ADDR=0.0.0.0:7780 UCFAKE_EWS_ADDR=0.0.0.0:7781 \
    UCFAKE_IMAP_ADDR=0.0.0.0:7143 UCFAKE_SIP_ADDR=0.0.0.0:7506 \
    UCFAKE_UCWA_ADDR=0.0.0.0:7782 UCFAKE_ADMIN_ADDR=0.0.0.0:7783
# control plane, EWS, IMAP, SIP over TCP, UCWA, admin cmdlets
EXPOSE 7780 7781 7143 7506 7782 7783
# The image has no shell: the binary checks its own control plane.
HEALTHCHECK --interval=5s --timeout=3s --start-period=1s --retries=3 CMD ["/ucfake", "healthcheck"]
ENTRYPOINT ["/ucfake"]
