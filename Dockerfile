# VeSiting command line (and, with the HTTP service, the server) in a container.
#   docker build -t vesiting .
# Data is not baked in: mount a mirror folder at /data/mirror (see docker-compose.yml).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig VeSiting.sln ./
COPY src/ src/
RUN dotnet publish src/VeSiting.Cli/VeSiting.Cli.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/runtime:10.0
WORKDIR /vesiting
COPY --from=build /app /app
COPY geodata/ geodata/
ENV VESITING_HOME=/vesiting \
    VESITING_MIRROR=/data/mirror \
    VESITING_CACHE=/data/cache
RUN useradd --system --home /vesiting vesiting && mkdir -p /data/cache && chown vesiting /data/cache
USER vesiting
ENTRYPOINT ["dotnet", "/app/vesiting.dll"]
CMD ["--help"]
