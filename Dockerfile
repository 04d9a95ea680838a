# VeSiting in containers: the HTTP service (default target `service`) and the command line (target `cli`).
#   docker build -t vesiting .                    # the service: port 8080, HEALTHCHECK on /health
#   docker build --target cli -t vesiting-cli .   # the command line (imports, queries)
# Data is not baked in: mount a mirror folder at /data/mirror (see docker-compose.yml). Nor are secrets: the API keys
# and the database password come from the environment at run time.
# The base images are build arguments: the public images by default; on a machine without a public registry, local
# bases from scripts/local-bases.sh (docker build --build-arg SDK_IMAGE=local/dotnet-sdk:10.0 …).
ARG NODE_IMAGE=node:22-bookworm-slim
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime:10.0
ARG ASPNET_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

# 1. The web map's MapLibre package from npm (its lock file pins it); cached while web/package*.json are unchanged.
FROM ${NODE_IMAGE} AS web
WORKDIR /src/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund

# 2. Restore first, from the project files only, so the NuGet layer is cached until a .csproj or Directory.*.props changes.
FROM ${SDK_IMAGE} AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig VeSiting.sln ./
COPY src/VeSiting.Core/VeSiting.Core.csproj src/VeSiting.Core/
COPY src/VeSiting.Data/VeSiting.Data.csproj src/VeSiting.Data/
COPY src/VeSiting.Stores.PostGis/VeSiting.Stores.PostGis.csproj src/VeSiting.Stores.PostGis/
COPY src/VeSiting.Reports/VeSiting.Reports.csproj src/VeSiting.Reports/
COPY src/VeSiting.Api/VeSiting.Api.csproj src/VeSiting.Api/
COPY src/VeSiting.Cli/VeSiting.Cli.csproj src/VeSiting.Cli/
RUN dotnet restore src/VeSiting.Api/VeSiting.Api.csproj && dotnet restore src/VeSiting.Cli/VeSiting.Cli.csproj
COPY --from=web /src/web/node_modules web/node_modules
COPY src/ src/
RUN dotnet publish src/VeSiting.Api/VeSiting.Api.csproj -c Release -o /out/api --no-restore --nologo \
 && dotnet publish src/VeSiting.Cli/VeSiting.Cli.csproj -c Release -o /out/cli --no-restore --nologo

# 3a. The command line.
FROM ${RUNTIME_IMAGE} AS cli
# fontconfig and DejaVu fonts: the case report's map (SkiaSharp) and PDF (PDFsharp) draw text with them.
RUN apt-get update && apt-get install -y --no-install-recommends libfontconfig1 fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
WORKDIR /vesiting
COPY --from=build /out/cli /app
COPY geodata/ geodata/
ENV VESITING_HOME=/vesiting \
    VESITING_MIRROR=/data/mirror \
    VESITING_CACHE=/data/cache
RUN useradd --system --uid 10001 --home /vesiting vesiting && mkdir -p /data/cache && chown vesiting /data/cache
USER vesiting
ENTRYPOINT ["dotnet", "/app/vesiting.dll"]
CMD ["--help"]

# 3b. The HTTP service (last, so the default target), on port 8080 (the image's ASPNETCORE_HTTP_PORTS). curl for the
#     health check; fontconfig for SkiaSharp's PNG tiles; DejaVu fonts for the case reports (PDF and map). It runs as a non-root user and works on a read-only root
#     file system (docker-compose.yml: read_only, a tmpfs at /tmp): it writes only under /data and /tmp.
FROM ${ASPNET_IMAGE} AS service
RUN apt-get update && apt-get install -y --no-install-recommends curl libfontconfig1 fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
# The published folder is the content root (its wwwroot is the web map, its appsettings.json the defaults).
WORKDIR /app
COPY --from=build /out/api /app
COPY geodata/ /vesiting/geodata/
ENV VESITING_HOME=/vesiting \
    VESITING_MIRROR=/data/mirror \
    VESITING_CACHE=/data/cache \
    VeSiting__StateDirectory=/data/state \
    ASPNETCORE_HTTP_PORTS=8080 \
    XDG_CACHE_HOME=/tmp/cache
RUN useradd --system --uid 10001 --home /vesiting vesiting && mkdir -p /data/cache /data/state && chown vesiting /data/cache /data/state
USER vesiting
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 CMD ["curl", "-fsS", "http://127.0.0.1:8080/health"]
ENTRYPOINT ["dotnet", "/app/VeSiting.Api.dll"]
