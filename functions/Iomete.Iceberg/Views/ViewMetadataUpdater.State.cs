using System.Globalization;
using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Schemas;

namespace Iomete.Iceberg.Views;

public static partial class ViewMetadataUpdater
{
    /// <summary>The view being built: the Java builder's state, including what this commit added.</summary>
    private sealed class ViewState(ViewMetadata? start, long nowMs)
    {
        private readonly bool _isNew = start is null;
        private readonly List<Schema> _schemas = [.. start?.Schemas ?? []];
        private readonly List<ViewVersion> _versions = [.. start?.Versions ?? []];
        private readonly List<ViewHistoryEntry> _history = [.. start?.VersionLog ?? []];
        private readonly Dictionary<string, string> _properties = new(start?.Properties ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        private readonly HashSet<int> _addedVersionIds = [];
        private Guid _uuid = start?.ViewUuid ?? Guid.NewGuid();
        private bool _uuidAssigned;
        private int _formatVersion = start?.FormatVersion ?? ViewMetadata.SupportedFormatVersion;
        private string _location = start?.Location ?? "";
        private int _currentVersionId = start?.CurrentVersionId ?? -1;
        private int? _lastAddedSchemaId;
        private int? _lastAddedVersionId;
        private ViewHistoryEntry? _historyEntry;

        public void Apply(TableUpdate update)
        {
            switch (update)
            {
                case AssignUuid u:
                    if ((!_isNew || _uuidAssigned) && u.Uuid != _uuid)
                    {
                        throw MetadataUpdater.Fail($"cannot reassign uuid {_uuid} to {u.Uuid}");
                    }
                    _uuid = u.Uuid;
                    _uuidAssigned = true;
                    break;
                case UpgradeFormatVersion u:
                    if (u.FormatVersion < _formatVersion)
                    {
                        throw MetadataUpdater.Fail($"cannot downgrade format version from {_formatVersion} to {u.FormatVersion}");
                    }
                    if (u.FormatVersion > ViewMetadata.SupportedFormatVersion)
                    {
                        throw MetadataUpdater.Fail($"unsupported view format version {u.FormatVersion}");
                    }
                    _formatVersion = u.FormatVersion;
                    break;
                case AddSchema u:
                    AddSchema(u.Schema);
                    break;
                case SetLocation u:
                    _location = string.IsNullOrWhiteSpace(u.Location) ? throw MetadataUpdater.Fail("location must not be empty") : u.Location;
                    break;
                case SetProperties u:
                    foreach (var (key, value) in u.Updates)
                    {
                        _properties[key] = value;
                    }
                    break;
                case RemoveProperties u:
                    foreach (var key in u.Removals)
                    {
                        _properties.Remove(key);
                    }
                    break;
                case AddViewVersion u:
                    AddVersion(u.ViewVersion);
                    break;
                case SetCurrentViewVersion u:
                    SetCurrent(u.ViewVersionId);
                    break;
                default:
                    throw MetadataUpdater.Fail($"'{update.Action}' is not a view update");
            }
        }

        private void AddSchema(Schema schema)
        {
            var id = schema.SchemaId;
            foreach (var existing in _schemas)
            {
                if (existing.SameColumns(schema))
                {
                    _lastAddedSchemaId = existing.SchemaId;
                    return;
                }
                id = Math.Max(id, existing.SchemaId + 1);
            }
            _schemas.Add(schema.WithSchemaId(id));
            _lastAddedSchemaId = id;
        }

        private void AddVersion(ViewVersion version)
        {
            if (version.SchemaId == TableUpdate.LastAdded)
            {
                version = version with { SchemaId = _lastAddedSchemaId ?? throw MetadataUpdater.Fail("cannot set last added schema: no schema has been added") };
            }
            if (!_schemas.Exists(s => s.SchemaId == version.SchemaId))
            {
                throw MetadataUpdater.Fail($"cannot add version with unknown schema: {version.SchemaId}");
            }
            try
            {
                ViewMetadataJson.ValidateVersion(version, "view-version");
            }
            catch (IcebergFormatException ex)
            {
                throw MetadataUpdater.Fail(ex.Message);
            }
            var id = version.VersionId;
            foreach (var existing in _versions)
            {
                if (existing.SameContent(version))
                {
                    _lastAddedVersionId = existing.VersionId;
                    return;
                }
                id = Math.Max(id, existing.VersionId + 1);
            }
            _versions.Add(version with { VersionId = id });
            _addedVersionIds.Add(id);
            _lastAddedVersionId = id;
        }

        private void SetCurrent(int versionId)
        {
            if (versionId == TableUpdate.LastAdded)
            {
                versionId = _lastAddedVersionId ?? throw MetadataUpdater.Fail("cannot set last version id: no view version has been added");
            }
            var version = _versions.Find(v => v.VersionId == versionId)
                ?? throw MetadataUpdater.Fail($"cannot set current version to unknown version: {versionId}");
            if (versionId == _currentVersionId)
            {
                return;
            }
            _currentVersionId = versionId;
            _historyEntry = new ViewHistoryEntry(versionId, _addedVersionIds.Contains(versionId) ? version.TimestampMs : nowMs);
        }

        public ViewMetadata Build()
        {
            if (_historyEntry is not null)
            {
                _history.Add(_historyEntry);
            }
            var historySize = HistorySize();
            var keep = Math.Max(_addedVersionIds.Append(_currentVersionId).Distinct().Count(), historySize);
            IReadOnlyList<ViewVersion> versions = _versions;
            IReadOnlyList<ViewHistoryEntry> history = _history;
            if (_versions.Count > keep && _versions.Find(v => v.VersionId == _currentVersionId) is { } current)
            {
                var retained = new List<ViewVersion> { current };
                retained.AddRange(_versions.Where(v => v.VersionId != _currentVersionId).OrderByDescending(v => v.VersionId).Take(keep - 1));
                var ids = retained.Select(v => v.VersionId).ToHashSet();
                versions = [.. _versions.Where(v => ids.Contains(v.VersionId))];
                history = RetainHistory(_history, ids);
            }
            return new ViewMetadata(_uuid, _formatVersion, _location, [.. _schemas], _currentVersionId, versions, history,
                new Dictionary<string, string>(_properties, StringComparer.Ordinal));
        }

        private int HistorySize()
        {
            if (!_properties.TryGetValue(ViewMetadata.VersionHistorySizeProperty, out var value))
            {
                return ViewMetadata.DefaultVersionHistorySize;
            }
            return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var size) && size > 0
                ? size
                : throw MetadataUpdater.Fail($"{ViewMetadata.VersionHistorySizeProperty} must be a positive integer but was '{value}'");
        }

        /// <summary>Drops log entries of expired versions and everything before the last such entry, as Java does.</summary>
        private static List<ViewHistoryEntry> RetainHistory(List<ViewHistoryEntry> history, HashSet<int> ids)
        {
            var retained = new List<ViewHistoryEntry>();
            foreach (var entry in history)
            {
                if (ids.Contains(entry.VersionId))
                {
                    retained.Add(entry);
                }
                else
                {
                    retained.Clear();
                }
            }
            return retained;
        }
    }
}
