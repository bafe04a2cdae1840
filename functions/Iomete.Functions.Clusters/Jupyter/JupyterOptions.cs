using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Clusters.Jupyter;

/// <summary>Jupyter container settings, section <c>Iomete:Clusters:Jupyter</c>.</summary>
public sealed class JupyterOptions
{
    public const string Section = "Iomete:Clusters:Jupyter";

    /// <summary>The JupyterLab image every container runs (IOMETE allows no custom images); pulled on every start.</summary>
    [Required]
    public string Image { get; set; } = "quay.io/jupyter/pyspark-notebook:spark-3.5.3";

    /// <summary>JupyterLab's <c>--ServerApp.allow_origin</c>.</summary>
    [Required]
    public string AllowOrigin { get; set; } = "*";

    /// <summary>The gateway's public address the connection URL starts with (e.g. <c>https://iomete.example.com</c>); empty = a path only.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>How often STARTING and ACTIVE containers are checked for crash-looping pods (a crash loop changes no Deployment).</summary>
    [Range(1, 3600)]
    public int PodCheckSeconds { get; set; } = 15;
}
